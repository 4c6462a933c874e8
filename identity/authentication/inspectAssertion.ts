import { createHash } from 'node:crypto';
import type { AuthenticationPolicy } from '../../storage/IdentityDefinitions';
import { checkClientData } from '../checkClientData';
import { decodeClientData } from '../decodeClientData';
import { type AuthenticationRefusal, authenticationRefusal as fail } from './authenticationRefusal';
import { readAssertionAuthenticatorData } from './readAssertionAuthenticatorData';

/**
 * Our checks of an assertion's client data and authenticator data (WebAuthn L3 §7.2 steps 10–17),
 * made before the library verifies the signature, so that each broken rule has its own code.
 */
export function inspectAssertion({
  clientDataJSON,
  authenticatorData,
  challenge,
  origins,
  rpId,
  policy,
}: {
  clientDataJSON: Uint8Array;
  authenticatorData: Uint8Array;
  challenge: string;
  origins: string[];
  rpId: string;
  policy: AuthenticationPolicy;
}): { ok: true; signCount: number } | AuthenticationRefusal {
  const decoded = decodeClientData(clientDataJSON);
  // decodeClientData refuses only a malformed value; restated, so the code is sign-in's type.
  if (!decoded.ok) return { ...decoded, code: 'RESPONSE_MALFORMED' };
  const { clientData } = decoded;
  const checked = checkClientData(clientData, {
    type: 'webauthn.get',
    challenge,
    origins,
    allowCrossOrigin: policy.allowCrossOrigin,
  });
  if (!checked.ok) return checked;
  const authData = readAssertionAuthenticatorData(authenticatorData);
  if (!authData.ok) return authData;
  if (!createHash('sha256').update(rpId).digest().equals(authData.rpIdHash)) {
    return fail('RP_ID_MISMATCH', `authenticator data is not for RP ID '${rpId}'`);
  }
  if (!authData.flags.up) return fail('USER_PRESENCE_REQUIRED', 'the user was not present');
  if (policy.userVerification === 'required' && !authData.flags.uv) {
    return fail(
      'USER_VERIFICATION_REQUIRED',
      'the policy requires user verification; the authenticator did not verify the user',
    );
  }
  return { ok: true, signCount: authData.signCount };
}
