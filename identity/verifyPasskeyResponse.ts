import { type RegistrationResponseJSON, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { RegistrationPolicy, RelyingPartyRecord } from '../storage/IdentityDefinitions';
import { inspectRegistrationResponse } from './inspectRegistrationResponse';
import type { RegistrationRefusal } from './registrationRefusal';

type Verified = Extract<Awaited<ReturnType<typeof verifyRegistrationResponse>>, { verified: true }>;

export type PasskeyVerification =
  | { ok: true; info: Verified['registrationInfo']; response: RegistrationResponseJSON }
  | RegistrationRefusal;

/**
 * Our checks, then the library's cryptography with every expectation passed explicitly. The
 * response is any JSON value until our checks have vouched for its shape; only then does the
 * library see it, so what the library throws is about the attestation, never about a type.
 */
export async function verifyPasskeyResponse({
  response: input,
  challenge,
  rp,
  policy,
}: {
  response: unknown;
  challenge: string;
  rp: RelyingPartyRecord;
  policy: RegistrationPolicy;
}): Promise<PasskeyVerification> {
  const inspection = inspectRegistrationResponse({
    response: input,
    challenge,
    origins: rp.origins,
    rpId: rp.rpId,
    policy,
  });
  if (!inspection.ok) return inspection;
  const { response } = inspection;
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
    return { ok: true, info: result.registrationInfo, response };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'ATTESTATION_INVALID', message };
  }
}
