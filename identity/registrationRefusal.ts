import type { RegistrationFailureCode } from './IdentityError';

/**
 * Why a registration response was refused. `field.path` points into the RegistrationResponseJSON
 * (`/response/clientDataJSON`) and goes on into a decoded value where the fault is inside one
 * (`/response/clientDataJSON/challenge`, `/response/attestationObject/authData/flags`).
 */
export type RegistrationRefusal = {
  ok: false;
  code: RegistrationFailureCode;
  message: string;
  field?: { path: string; message: string };
};

/** A refusal; with a path, its message starts with it, so the message alone says where. */
export function registrationRefusal(
  code: RegistrationFailureCode,
  message: string,
  path?: string,
): RegistrationRefusal {
  if (!path) return { ok: false, code, message };
  return { ok: false, code, message: `${path}: ${message}`, field: { path, message } };
}
