import { createHash } from 'node:crypto';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { convertAAGUIDToString } from '@simplewebauthn/server/helpers';
import type { RegistrationPolicy } from '../storage/IdentityDefinitions';
import { checkClientData } from './checkClientData';
import { checkCredentialPublicKey } from './checkCredentialPublicKey';
import { checkRegistrationResponseShape } from './checkRegistrationResponseShape';
import { decodeClientData } from './decodeClientData';
import { readAttestationObject } from './readAttestationObject';
import { readAuthenticatorData } from './readAuthenticatorData';
import { registrationRefusal as fail, type RegistrationRefusal } from './registrationRefusal';

export type Inspection = { ok: true; response: RegistrationResponseJSON } | RegistrationRefusal;

/**
 * Our own checks of a registration response, made before the library verifies the
 * cryptography, so that each broken rule gets its own stable code (DESIGN §4). The response
 * may be any JSON value: its shape, clientDataJSON and every CBOR structure are checked first,
 * so that the library is only ever handed what it can read without throwing a TypeError.
 */
export function inspectRegistrationResponse({
  response: input,
  challenge,
  origins,
  rpId,
  policy,
}: {
  response: unknown;
  challenge: string;
  origins: string[];
  rpId: string;
  policy: RegistrationPolicy;
}): Inspection {
  const shape = checkRegistrationResponseShape(input);
  if (!shape.ok) return shape;
  const decoded = decodeClientData(shape.clientDataJSON);
  if (!decoded.ok) return decoded;
  const { clientData } = decoded;
  const checked = checkClientData(clientData, {
    type: 'webauthn.create',
    challenge,
    origins,
    allowCrossOrigin: policy.allowCrossOrigin,
  });
  if (!checked.ok) return checked;
  const attestation = inspectAttestation({
    id: shape.response.id,
    attestationObject: shape.attestationObject,
    rpId,
    policy,
  });
  return attestation.ok ? { ok: true, response: shape.response } : attestation;
}

function inspectAttestation({
  id,
  attestationObject,
  rpId,
  policy,
}: {
  id: string;
  attestationObject: Uint8Array;
  rpId: string;
  policy: RegistrationPolicy;
}): { ok: true } | RegistrationRefusal {
  const parts = readAttestationObject(attestationObject);
  if (!parts.ok) return parts;
  if (!policy.allowedAttestationFormats.includes(parts.fmt)) {
    return fail(
      'ATTESTATION_FORMAT_NOT_ALLOWED',
      `format '${parts.fmt}' is not one of ${policy.allowedAttestationFormats.join(', ')}`,
    );
  }
  const authData = readAuthenticatorData(parts.authData);
  if (!authData.ok) return authData;
  const expectedHash = createHash('sha256').update(rpId).digest();
  if (!expectedHash.equals(authData.rpIdHash)) {
    return fail('RP_ID_MISMATCH', `authenticator data is not for RP ID '${rpId}'`);
  }
  if (!authData.flags.up) return fail('USER_PRESENCE_REQUIRED', 'the user was not present');
  if (policy.userVerification === 'required' && !authData.flags.uv) {
    return fail(
      'USER_VERIFICATION_REQUIRED',
      'the policy requires user verification; the authenticator did not verify the user',
    );
  }
  const { credentialId, credentialPublicKey, aaguid } = authData;
  // WebAuthn L3 §7.1 step 25: credential IDs longer than 1023 bytes must be rejected.
  if (credentialId.length > 1023) {
    return fail(
      'CREDENTIAL_ID_TOO_LONG',
      `credential ID is ${credentialId.length} bytes, at most 1023 allowed`,
    );
  }
  if (Buffer.from(credentialId).toString('base64url') !== id) {
    return fail(
      'CREDENTIAL_ID_MISMATCH',
      'response id differs from the credential ID in the authenticator data',
    );
  }
  const alg = credentialPublicKey.get(3);
  if (typeof alg !== 'number' || !policy.supportedAlgorithms.includes(alg)) {
    return fail(
      'ALGORITHM_NOT_ALLOWED',
      `algorithm ${String(alg)} is not one of ${policy.supportedAlgorithms.join(', ')}`,
    );
  }
  const key = checkCredentialPublicKey(credentialPublicKey);
  if (!key.ok) return key;
  const aaguidText = convertAAGUIDToString(aaguid);
  if (policy.allowedAaguids && !policy.allowedAaguids.includes(aaguidText)) {
    return fail(
      'AAGUID_NOT_ALLOWED',
      `authenticator model ${aaguidText} is not allowed by the policy`,
    );
  }
  return { ok: true };
}
