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
  /** When a sign-in last used it; null until then. */
  lastUsedAt: string | null;
  /** Its signature counter once went back: another authenticator may hold a copy of its key. */
  possiblyCloned: boolean;
  /** The name its user gave it; null until they do. */
  nickname: string | null;
}
