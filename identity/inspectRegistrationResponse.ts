import { createHash } from 'node:crypto';
import { decodePartialCBOR } from '@levischuck/tiny-cbor';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import {
  convertAAGUIDToString,
  decodeClientDataJSON,
  decodeCredentialPublicKey,
  parseAuthenticatorData,
} from '@simplewebauthn/server/helpers';
import type { RegistrationPolicy } from '../storage/IdentityDefinitions';
import type { RegistrationFailureCode } from './IdentityError';

export type Inspection =
  | { ok: true }
  | { ok: false; code: RegistrationFailureCode; message: string };

const base64url = /^[A-Za-z0-9_-]+$/;
const fail = (code: RegistrationFailureCode, message: string): Inspection => ({
  ok: false,
  code,
  message,
});

/**
 * Our own checks of a registration response, made before the library verifies the
 * cryptography, so that each broken rule gets its own stable code (DESIGN §4).
 */
export function inspectRegistrationResponse({
  response,
  challenge,
  origins,
  rpId,
  policy,
}: {
  response: RegistrationResponseJSON;
  challenge: string;
  origins: string[];
  rpId: string;
  policy: RegistrationPolicy;
}): Inspection {
  const { id, rawId, response: body } = response;
  if (!base64url.test(id) || id !== rawId) {
    return fail('RESPONSE_MALFORMED', 'id and rawId must be the same base64url string');
  }
  if (!base64url.test(body.clientDataJSON) || !base64url.test(body.attestationObject)) {
    return fail('RESPONSE_MALFORMED', 'clientDataJSON and attestationObject must be base64url');
  }
  let clientData: ReturnType<typeof decodeClientDataJSON>;
  try {
    clientData = decodeClientDataJSON(body.clientDataJSON);
  } catch {
    return fail('RESPONSE_MALFORMED', 'clientDataJSON is not JSON');
  }
  if (clientData.type !== 'webauthn.create') {
    return fail(
      'CLIENT_DATA_TYPE_MISMATCH',
      `clientData.type is '${clientData.type}', expected 'webauthn.create'`,
    );
  }
  if (clientData.challenge !== challenge) {
    return fail(
      'CHALLENGE_MISMATCH',
      'clientData.challenge is not the challenge this session issued',
    );
  }
  if (!origins.includes(clientData.origin)) {
    return fail(
      'ORIGIN_NOT_ALLOWED',
      `origin '${clientData.origin}' is not one of ${origins.join(', ')}`,
    );
  }
  if (clientData.crossOrigin === true && !policy.allowCrossOrigin) {
    return fail('CROSS_ORIGIN_NOT_ALLOWED', 'the ceremony ran in a cross-origin frame');
  }
  return inspectAttestation({ response, rpId, policy });
}

function inspectAttestation({
  response,
  rpId,
  policy,
}: {
  response: RegistrationResponseJSON;
  rpId: string;
  policy: RegistrationPolicy;
}): Inspection {
  const bytes = new Uint8Array(Buffer.from(response.response.attestationObject, 'base64url'));
  let fmt: string;
  let authData: Uint8Array;
  try {
    // The library's own CBOR decoder (tiny-cbor), which also says where the first item ended.
    const [decoded, end] = decodePartialCBOR(bytes, 0);
    if (end !== bytes.length) {
      return fail('RESPONSE_MALFORMED', 'attestationObject has bytes after its CBOR item');
    }
    const format = decoded instanceof Map ? decoded.get('fmt') : undefined;
    const data = decoded instanceof Map ? decoded.get('authData') : undefined;
    if (typeof format !== 'string' || !(data instanceof Uint8Array)) throw new Error('no fmt');
    fmt = format;
    authData = data;
  } catch {
    return fail('RESPONSE_MALFORMED', 'attestationObject is not a CBOR attestation object');
  }
  if (!policy.allowedAttestationFormats.includes(fmt)) {
    return fail(
      'ATTESTATION_FORMAT_NOT_ALLOWED',
      `format '${fmt}' is not one of ${policy.allowedAttestationFormats.join(', ')}`,
    );
  }
  let parsed: ReturnType<typeof parseAuthenticatorData>;
  try {
    parsed = parseAuthenticatorData(new Uint8Array(authData));
  } catch (error) {
    return fail('RESPONSE_MALFORMED', `authenticator data: ${(error as Error).message}`);
  }
  const expectedHash = createHash('sha256').update(rpId).digest();
  if (!expectedHash.equals(Buffer.from(parsed.rpIdHash))) {
    return fail('RP_ID_MISMATCH', `authenticator data is not for RP ID '${rpId}'`);
  }
  if (!parsed.flags.up) return fail('USER_PRESENCE_REQUIRED', 'the user was not present');
  if (policy.userVerification === 'required' && !parsed.flags.uv) {
    return fail(
      'USER_VERIFICATION_REQUIRED',
      'the policy requires user verification; the authenticator did not verify the user',
    );
  }
  const { credentialID, credentialPublicKey, aaguid } = parsed;
  if (!credentialID || !credentialPublicKey || !aaguid) {
    return fail('RESPONSE_MALFORMED', 'authenticator data carries no attested credential');
  }
  // WebAuthn L3 §7.1 step 25: credential IDs longer than 1023 bytes must be rejected.
  if (credentialID.length > 1023) {
    return fail(
      'CREDENTIAL_ID_TOO_LONG',
      `credential ID is ${credentialID.length} bytes, at most 1023 allowed`,
    );
  }
  if (Buffer.from(credentialID).toString('base64url') !== response.id) {
    return fail(
      'CREDENTIAL_ID_MISMATCH',
      'response id differs from the credential ID in the authenticator data',
    );
  }
  let alg: unknown;
  try {
    alg = decodeCredentialPublicKey(new Uint8Array(credentialPublicKey)).get(3);
  } catch {
    return fail('RESPONSE_MALFORMED', 'credential public key is not a COSE key');
  }
  if (typeof alg !== 'number' || !policy.supportedAlgorithms.includes(alg)) {
    return fail(
      'ALGORITHM_NOT_ALLOWED',
      `algorithm ${String(alg)} is not one of ${policy.supportedAlgorithms.join(', ')}`,
    );
  }
  const aaguidText = convertAAGUIDToString(aaguid);
  if (policy.allowedAaguids && !policy.allowedAaguids.includes(aaguidText)) {
    return fail(
      'AAGUID_NOT_ALLOWED',
      `authenticator model ${aaguidText} is not allowed by the policy`,
    );
  }
  return { ok: true };
}
