import { type BindErrorCode, BindPasskeyError } from './BindPasskeyError';

const byApiCode: Record<string, BindErrorCode> = {
  BINDING_LINK_USED: 'usedLink',
  BINDING_JOB_EXPIRED: 'expiredLink',
  SESSION_EXPIRED: 'expiredLink',
  BINDING_JOB_REVOKED: 'revokedLink',
  SESSION_CANCELLED: 'revokedLink',
  BINDING_JOB_NOT_FOUND: 'invalidLink',
  BINDING_TOKEN_INVALID: 'invalidLink',
  BINDING_JOB_UNDELIVERED: 'invalidLink',
  BINDING_NOT_REDEEMED: 'invalidLink',
  USER_NOT_FOUND: 'invalidLink',
  IDENTITY_SUSPENDED: 'identitySuspended',
  CREDENTIAL_ALREADY_REGISTERED: 'alreadyRegistered',
  ORIGIN_NOT_TRUSTED: 'originNotTrusted',
  RATE_LIMITED: 'rateLimited',
};

/** A non-2xx answer of the link endpoints (`{error: {code, message}}`, DESIGN §3) as a BindPasskeyError. */
export function classifyApiError(status: number, body: unknown) {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const apiCode = typeof error?.code === 'string' ? error.code : null;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  // An own-property check: a code like `constructor` must not reach Object.prototype.
  const known =
    apiCode !== null && Object.hasOwn(byApiCode, apiCode) ? byApiCode[apiCode] : undefined;
  const code: BindErrorCode =
    known ?? (status === 400 ? 'verificationFailed' : status >= 500 ? 'server' : 'unknown');
  return new BindPasskeyError(code, message, { apiCode, status });
}
