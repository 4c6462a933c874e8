import { type RegistrationResponseJSON, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { RegistrationPolicy, RelyingPartyRecord } from '../storage/IdentityDefinitions';
import type { RegistrationFailureCode } from './IdentityError';
import { inspectRegistrationResponse } from './inspectRegistrationResponse';

type Verified = Extract<Awaited<ReturnType<typeof verifyRegistrationResponse>>, { verified: true }>;

export type PasskeyVerification =
  | { ok: true; info: Verified['registrationInfo'] }
  | { ok: false; code: RegistrationFailureCode; message: string };

/** Our checks, then the library's cryptography with every expectation passed explicitly. */
export async function verifyPasskeyResponse({
  response,
  challenge,
  rp,
  policy,
}: {
  response: RegistrationResponseJSON;
  challenge: string;
  rp: RelyingPartyRecord;
  policy: RegistrationPolicy;
}): Promise<PasskeyVerification> {
  const inspection = inspectRegistrationResponse({
    response,
    challenge,
    origins: rp.origins,
    rpId: rp.rpId,
    policy,
  });
  if (!inspection.ok) return inspection;
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpId,
      expectedType: 'webauthn.create',
      requireUserPresence: true,
      // The options asked for exactly this, so the answer must match it (DESIGN §4).
      requireUserVerification: policy.userVerification === 'required',
      supportedAlgorithmIDs: policy.supportedAlgorithms,
    });
    // `{verified: false}` is a failure like any thrown error, never a pass.
    if (!result.verified) {
      return { ok: false, code: 'ATTESTATION_INVALID', message: 'the attestation did not verify' };
    }
    return { ok: true, info: result.registrationInfo };
  } catch (error) {
    return { ok: false, code: 'ATTESTATION_INVALID', message: (error as Error).message };
  }
}
