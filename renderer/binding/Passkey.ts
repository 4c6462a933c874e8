/** Beyond Identity's `Passkey` (bi-sdk-js), filled from what Keyform knows about a bound passkey. */
export interface Passkey {
  /** The WebAuthn credential ID (base64url). */
  id: string;
  /** Keyform's passkey id: the job's `credential_id`, the key of the native passkey API. */
  passkeyId: string;
  created: string;
  /** When it last signed in through the SDK, as the server recorded it (Keyform's addition). */
  lastUsedAt?: string;
  state: 'Active';
  keyType: 'webauthn';
  tenant: { id: string; displayName: string };
  realm: { id: string; displayName: string };
  identity: {
    id: string;
    username: string;
    displayName?: string;
    externalId?: string;
    emailAddress?: string;
  };
  theme: { logoUrlLight: string; logoUrlDark: string; supportUrl?: string };
}

export interface BindPasskeyResponse {
  passkey: Passkey;
  postBindingRedirectUri?: string;
}
