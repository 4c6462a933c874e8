/**
 * Why `authenticate` failed, as a closed set a page can switch on: the user backed out or has no
 * passkey here (`cancelled`, `timedOut`, `noPasskey`), the link is spent or dead (`usedLink`,
 * `expiredLink`, `revokedLink`, `failedLink`, `invalidLink`), the server does not accept this
 * passkey (`unknownCredential` — it is then dropped from getPasskeys() — `passkeyNotAllowed`,
 * `userDisabled`, `verificationFailed`), the `passkeyId` asked for is not on this browser
 * (`unknownPasskey`), or something about the browser, the page or the network.
 */
export type AuthenticateErrorCode =
  | 'cancelled'
  | 'timedOut'
  | 'noPasskey'
  | 'notSupported'
  | 'securityError'
  | 'usedLink'
  | 'expiredLink'
  | 'revokedLink'
  | 'failedLink'
  | 'invalidLink'
  | 'domainNotAllowed'
  | 'originNotTrusted'
  | 'unknownPasskey'
  | 'unknownCredential'
  | 'passkeyNotAllowed'
  | 'userDisabled'
  | 'verificationFailed'
  | 'rateLimited'
  | 'network'
  | 'server'
  | 'unknown';

export class AuthenticatePasskeyError extends Error {
  override readonly name = 'AuthenticatePasskeyError';
  readonly code: AuthenticateErrorCode;
  /** The server's error code (`AUTHENTICATION_LINK_USED`, ...), when the server answered. */
  readonly apiCode: string | null;
  readonly status: number | null;
  /** The WebAuthn credential ID (base64url) the browser signed with, once it had signed. */
  readonly credentialId: string | null;

  constructor(
    code: AuthenticateErrorCode,
    message: string,
    options: {
      apiCode?: string | null;
      status?: number | null;
      credentialId?: string | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.apiCode = options.apiCode ?? null;
    this.status = options.status ?? null;
    this.credentialId = options.credentialId ?? null;
  }
}
