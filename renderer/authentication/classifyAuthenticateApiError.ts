import { type AuthenticateErrorCode, AuthenticatePasskeyError } from './AuthenticatePasskeyError';

const byApiCode: Record<string, AuthenticateErrorCode> = {
  AUTHENTICATION_LINK_USED: 'usedLink',
  SESSION_ALREADY_COMPLETED: 'usedLink',
  SESSION_EXPIRED: 'expiredLink',
  SESSION_CANCELLED: 'revokedLink',
  SESSION_FAILED: 'failedLink',
  AUTHENTICATION_LINK_INVALID: 'invalidLink',
  SESSION_NOT_FOUND: 'invalidLink',
  UNKNOWN_CREDENTIAL: 'unknownCredential',
  CREDENTIAL_NOT_ALLOWED: 'passkeyNotAllowed',
  USER_DISABLED: 'userDisabled',
  ORIGIN_NOT_TRUSTED: 'originNotTrusted',
  RATE_LIMITED: 'rateLimited',
};

/**
 * A non-2xx answer of the authentication link routes (`{error: {code, message}}`) as an
 * AuthenticatePasskeyError; `credentialId` is the credential the browser signed with, if it had.
 */
export function classifyAuthenticateApiError(
  status: number,
  body: unknown,
  credentialId: string | null = null,
) {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const apiCode = typeof error?.code === 'string' ? error.code : null;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  // An own-property check: a code like `constructor` must not reach Object.prototype.
  const known =
    apiCode !== null && Object.hasOwn(byApiCode, apiCode) ? byApiCode[apiCode] : undefined;
  const code: AuthenticateErrorCode =
    known ?? (status === 400 ? 'verificationFailed' : status >= 500 ? 'server' : 'unknown');
  return new AuthenticatePasskeyError(code, message, { apiCode, status, credentialId });
}
