export interface PasskeyRecord {
  id: string;
  tenantId: string;
  storeName: string;
  userId: string;
  rpId: string;
  /** base64url */
  credentialId: string;
  /** COSE public key, base64url — never a Uint8Array serialised by JSON. */
  publicKey: string;
  counter: number;
  aaguid: string;
  deviceType: 'singleDevice' | 'multiDevice';
  backedUp: boolean;
  transports: string[];
  attestationFormat: string;
  userHandle: string;
  createdAt: string;
}
