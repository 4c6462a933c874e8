/** How credential binding (Beyond Identity's jobs and links) refuses, beside IdentityError's other codes. */
export const bindingErrorCodes = [
  'BINDING_JOB_NOT_FOUND',
  'AUTHENTICATOR_CONFIG_NOT_FOUND',
  'AUTHENTICATOR_CONFIG_BUILTIN',
  'BINDING_TOKEN_INVALID',
  'BINDING_LINK_USED',
  'BINDING_JOB_EXPIRED',
  'BINDING_JOB_REVOKED',
  'BINDING_JOB_COMPLETE',
  'BINDING_JOB_UNDELIVERED',
  'BINDING_NOT_REDEEMED',
  'IDENTITY_HAS_NO_EMAIL',
  'IDENTITY_SUSPENDED',
  'ORIGIN_NOT_TRUSTED',
] as const;
export type BindingErrorCode = (typeof bindingErrorCodes)[number];
