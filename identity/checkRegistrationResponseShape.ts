import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { checkCredentialEnvelope } from './checkCredentialEnvelope';
import { decodeBase64url } from './decodeBase64url';
import { type RegistrationRefusal, registrationRefusal } from './registrationRefusal';

export type CheckedResponse = {
  ok: true;
  response: RegistrationResponseJSON;
  clientDataJSON: Uint8Array;
  attestationObject: Uint8Array;
};

const malformed = (path: string, message: string) =>
  registrationRefusal('RESPONSE_MALFORMED', message, path);

/**
 * The JSON shape of a RegistrationResponseJSON (WebAuthn L3 §5.1, toJSON()), member by member
 * (the members every credential has: checkCredentialEnvelope).
 * The HTTP schemas check the same, but a flow can hand in any JSON value (an expression, a
 * custom page's parameter), so nothing past this point may assume a type it did not check.
 */
export function checkRegistrationResponseShape(
  response: unknown,
): CheckedResponse | RegistrationRefusal {
  const envelope = checkCredentialEnvelope(response);
  if (!envelope.ok) return malformed(envelope.path, envelope.message);
  const { body, clientDataJSON } = envelope;
  const attestationObject = decodeBase64url(body.attestationObject);
  if (!attestationObject?.length) {
    return malformed('/response/attestationObject', 'is not a non-empty base64url string');
  }
  for (const name of ['authenticatorData', 'publicKey'] as const) {
    if (body[name] !== undefined && !decodeBase64url(body[name])) {
      return malformed(`/response/${name}`, 'is not a base64url string');
    }
  }
  if (body.publicKeyAlgorithm !== undefined && !Number.isSafeInteger(body.publicKeyAlgorithm)) {
    return malformed('/response/publicKeyAlgorithm', 'is not an integer');
  }
  const transports = body.transports;
  if (
    transports !== undefined &&
    !(
      Array.isArray(transports) &&
      transports.length <= 8 &&
      transports.every((t) => typeof t === 'string' && t.length > 0 && t.length <= 32)
    )
  ) {
    return malformed('/response/transports', 'is not an array of at most 8 transport names');
  }
  return {
    ok: true,
    response: response as unknown as RegistrationResponseJSON,
    clientDataJSON,
    attestationObject,
  };
}
