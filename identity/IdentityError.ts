import { authenticationLinkErrorCodes } from './authentication/authenticationLinkErrorCodes';
import { bindingErrorCodes } from './binding/BindingErrorCode';

/** Every way an identity operation can refuse; `api/` maps each code to one HTTP status. */
export type IdentityErrorCode = (typeof identityErrorCodes)[number];

/**
 * Why a registration response failed verification: 400 (CREDENTIAL_ALREADY_REGISTERED: 409), and
 * counted against maxAttempts. A list as well as a type, so the flow can tell these from other
 * failures without a copy that drifts.
 */
export const registrationFailureCodes = [
  'RESPONSE_MALFORMED',
  'CHALLENGE_MISMATCH',
  'ORIGIN_NOT_ALLOWED',
  'CROSS_ORIGIN_NOT_ALLOWED',
  'RP_ID_MISMATCH',
  'CLIENT_DATA_TYPE_MISMATCH',
  'USER_PRESENCE_REQUIRED',
  'USER_VERIFICATION_REQUIRED',
  'ALGORITHM_NOT_ALLOWED',
  'PUBLIC_KEY_INVALID',
  'ATTESTATION_FORMAT_NOT_ALLOWED',
  'AAGUID_NOT_ALLOWED',
  'CREDENTIAL_ID_MISMATCH',
  'CREDENTIAL_ID_TOO_LONG',
  'CREDENTIAL_ALREADY_REGISTERED',
  'ATTESTATION_INVALID',
] as const;
export type RegistrationFailureCode = (typeof registrationFailureCodes)[number];

const registrationFailures: ReadonlySet<string> = new Set(registrationFailureCodes);

/** Whether `code` says a registration response failed verification (the user's to retry). */
export function isRegistrationFailureCode(code: string): code is RegistrationFailureCode {
  return registrationFailures.has(code);
}

/**
 * Why a sign-in response was refused (WebAuthn L3 §7.2, DESIGN §4b): 400, counted against the
 * policy's maxAttempts. The shared checks keep registration's codes; the rest are sign-in's own.
 */
export const authenticationFailureCodes = [
  'RESPONSE_MALFORMED',
  'CHALLENGE_MISMATCH',
  'ORIGIN_NOT_ALLOWED',
  'CROSS_ORIGIN_NOT_ALLOWED',
  'RP_ID_MISMATCH',
  'CLIENT_DATA_TYPE_MISMATCH',
  'USER_PRESENCE_REQUIRED',
  'USER_VERIFICATION_REQUIRED',
  'UNKNOWN_CREDENTIAL',
  'CREDENTIAL_NOT_ALLOWED',
  'USER_HANDLE_MISMATCH',
  'SIGNATURE_INVALID',
  'COUNTER_REGRESSION',
  'USER_DISABLED',
] as const;
export type AuthenticationFailureCode = (typeof authenticationFailureCodes)[number];

const authenticationFailures: ReadonlySet<string> = new Set(authenticationFailureCodes);

/** Whether `code` says a sign-in response was refused (the user's to retry). */
export function isAuthenticationFailureCode(code: string): code is AuthenticationFailureCode {
  return authenticationFailures.has(code);
}

/** The codes of IdentityErrorCode as a list, so a test can walk every one. */
export const identityErrorCodes = [
  'INVALID_INPUT',
  'TOKEN_INVALID',
  'PERMISSION_DENIED',
  'PERMISSION_NOT_HELD',
  'TOKEN_EXPIRY_TOO_LATE',
  'TOKEN_NOT_FOUND',
  'TENANT_NOT_FOUND',
  'TENANT_EXISTS',
  'STORE_NOT_FOUND',
  'STORE_EXISTS',
  'USER_NOT_FOUND',
  'EXT_ID_NOT_UNIQUE',
  'USER_KEY_NOT_UNIQUE',
  'PASSKEY_NOT_FOUND',
  'RELYING_PARTY_NOT_FOUND',
  'POLICY_NOT_FOUND',
  'SESSION_NOT_FOUND',
  'SESSION_EXPIRED',
  'SESSION_ALREADY_COMPLETED',
  'SESSION_CANCELLED',
  'SESSION_FAILED',
  'SESSION_BUSY',
  'NO_PASSKEY',
  'DISCOVERABLE_NOT_ALLOWED',
  ...bindingErrorCodes,
  ...registrationFailureCodes,
  ...authenticationFailureCodes,
  ...authenticationLinkErrorCodes,
] as const;

export class IdentityError extends Error {
  override readonly name = 'IdentityError';
  readonly code: IdentityErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: IdentityErrorCode,
    message: string,
    options?: { details?: Record<string, unknown>; cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.code = code;
    this.details = options?.details;
  }
}

/** A 400 for one field: `details.fields` lets a client point at what to fix. */
export function invalidField(path: string, message: string) {
  return new IdentityError('INVALID_INPUT', `${path}: ${message}`, {
    details: { fields: [{ path, message }] },
  });
}
