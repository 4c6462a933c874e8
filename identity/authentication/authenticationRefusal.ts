import type { AuthenticationFailureCode } from '../IdentityError';

/**
 * Why a sign-in response was refused. `field.path` points into the AuthenticationResponseJSON
 * (`/response/signature`) and on into a decoded value where the fault is inside one
 * (`/response/clientDataJSON/challenge`, `/response/authenticatorData/flags`).
 */
export type AuthenticationRefusal = {
  ok: false;
  code: AuthenticationFailureCode;
  message: string;
  field?: { path: string; message: string };
};

/** A refusal; with a path, its message starts with it, so the message alone says where. */
export function authenticationRefusal(
  code: AuthenticationFailureCode,
  message: string,
  path?: string,
): AuthenticationRefusal {
  if (!path) return { ok: false, code, message };
  return { ok: false, code, message: `${path}: ${message}`, field: { path, message } };
}
