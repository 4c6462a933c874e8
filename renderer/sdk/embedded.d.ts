/**
 * Keyform's embedded SDK (Beyond Identity compatible): `import { Embedded } from '{keyform}/sdk/embedded.js'`.
 * Hand-written declarations of renderer/sdk/embedded.ts; test/renderer/sdkDeclarations.test.ts
 * fails the typecheck when the two drift apart.
 */

export interface EmbeddedConfig {
  /**
   * Hosts the SDK may send a link's token to (a domain allows its subdomains; `host:port`
   * matches exactly). Default: the Keyform that served the SDK. The page's own host is always added.
   */
  allowedDomains?: string[];
}

export interface Passkey {
  /** The WebAuthn credential ID (base64url). */
  id: string;
  /** Keyform's passkey id (the job's `credential_id`). */
  passkeyId: string;
  created: string;
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

export type BindErrorCode =
  | 'cancelled'
  | 'timedOut'
  | 'alreadyRegistered'
  | 'notSupported'
  | 'securityError'
  | 'usedLink'
  | 'expiredLink'
  | 'revokedLink'
  | 'invalidLink'
  | 'identitySuspended'
  | 'domainNotAllowed'
  | 'originNotTrusted'
  | 'verificationFailed'
  | 'rateLimited'
  | 'network'
  | 'server'
  | 'unknown';

export declare class BindPasskeyError extends Error {
  readonly name: 'BindPasskeyError';
  readonly code: BindErrorCode;
  /** The server's error code (`BINDING_LINK_USED`, ...), when the server answered. */
  readonly apiCode: string | null;
  readonly status: number | null;
}

export declare class Embedded {
  private constructor();
  static initialize: (config?: EmbeddedConfig) => Promise<Embedded>;
  /** Whether `url` is a binding link or a binding redirect this SDK can bind with. */
  isBindPasskeyUrl: (url: string) => boolean;
  /** Bind a passkey to this browser with a binding link; rejects with a BindPasskeyError. */
  bindPasskey: (url: string) => Promise<BindPasskeyResponse>;
  /** The passkeys this browser bound through the SDK on this origin. */
  getPasskeys: () => Promise<Passkey[]>;
}
