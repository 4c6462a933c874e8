/**
 * Why `bindPasskey` failed, as a closed set a page can switch on: the user backed out
 * (`cancelled`, `timedOut`), this authenticator already holds a passkey for the account
 * (`alreadyRegistered`), the link is spent or dead (`usedLink`, `expiredLink`, `revokedLink`,
 * `invalidLink`), or something about the browser, the page or the network.
 */
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

export class BindPasskeyError extends Error {
  override readonly name = 'BindPasskeyError';
  readonly code: BindErrorCode;
  /** The server's error code (`BINDING_LINK_USED`, ...), when the server answered. */
  readonly apiCode: string | null;
  readonly status: number | null;

  constructor(
    code: BindErrorCode,
    message: string,
    options: { apiCode?: string | null; status?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.apiCode = options.apiCode ?? null;
    this.status = options.status ?? null;
  }
}
