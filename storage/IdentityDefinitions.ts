/** What `identity.json` holds: small, rarely written, worth reading and diffing (DESIGN §9). */
export interface IdentityDefinitions {
  tenants: TenantRecord[];
  tokens: ApiTokenRecord[];
  stores: IdentityStoreRecord[];
  relyingParties: RelyingPartyRecord[];
}

export interface TenantRecord {
  id: string;
  createdAt: string;
}

export interface ApiTokenRecord {
  id: string;
  /** null for a root token, which acts in every tenant. */
  tenantId: string | null;
  name: string;
  /** sha256 of the secret, hex: the secret itself is shown once and never stored. */
  secretHash: string;
  permissions: string[];
  expiresAt: string | null;
  createdAt: string;
  /**
   * When the token last authenticated a request, up to a minute behind (it is written at most
   * once a minute per token); absent in files written before it existed, null until first use.
   */
  lastUsedAt?: string | null;
}

export interface IdentityStoreRecord {
  id: string;
  tenantId: string;
  name: string;
  displayName: string | null;
  createdAt: string;
}

export interface RegistrationPolicy {
  userVerification: 'required' | 'preferred' | 'discouraged';
  residentKey: 'required' | 'preferred' | 'discouraged';
  authenticatorAttachment: 'platform' | 'cross-platform' | null;
  attestation: 'none' | 'direct' | 'indirect' | 'enterprise';
  allowedAttestationFormats: string[];
  supportedAlgorithms: number[];
  timeoutSeconds: number;
  maxAttempts: number;
  excludeExistingCredentials: boolean;
  allowedAaguids: string[] | null;
  allowCrossOrigin: boolean;
}

/** How a relying party signs users in with their passkeys (DESIGN §4b); every field has a default. */
export interface AuthenticationPolicy {
  userVerification: 'required' | 'preferred' | 'discouraged';
  timeoutSeconds: number;
  maxAttempts: number;
  hints: ('security-key' | 'client-device' | 'hybrid')[];
  /** 'forbidden': only sign-ins for a known user (allowCredentials), never usernameless. */
  discoverable: 'allowed' | 'forbidden';
  allowCrossOrigin: boolean;
  /** A signature counter that went back: refuse the sign-in, or accept it and flag the passkey. */
  onCounterRegression: 'refuse' | 'flag';
}

export interface RelyingPartyRecord {
  id: string;
  tenantId: string;
  rpId: string;
  name: string;
  origins: string[];
  registrationPolicies: Record<string, RegistrationPolicy>;
  /** Absent in files written before sign-in existed: read as `{default: <the defaults>}`. */
  authenticationPolicies?: Record<string, AuthenticationPolicy>;
  createdAt: string;
  updatedAt: string;
}
