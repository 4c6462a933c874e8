import { randomBytes } from 'node:crypto';
import {
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';

/**
 * The library work of one registration with Keyform's default policy (resident key and user
 * verification required, ES256 and RS256, no attestation), shared by every route of the bare
 * ceiling, so its API start and its flow's form answer issue the same options and its
 * completions check the same things.
 */
export function createBareRegistration({ origin, rpID }: { origin: string; rpID: string }) {
  return {
    options: (userName: string, userDisplayName?: string) =>
      generateRegistrationOptions({
        rpName: 'Keyform demo',
        rpID,
        userName,
        userDisplayName,
        userID: randomBytes(32),
        timeout: 300_000,
        attestationType: 'none',
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
        supportedAlgorithmIDs: [-7, -257],
      }),
    /** The verified registration, or null when the response does not verify. */
    verify: async (response: RegistrationResponseJSON, expectedChallenge: string) => {
      const result = await verifyRegistrationResponse({
        response,
        expectedChallenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: true,
        supportedAlgorithmIDs: [-7, -257],
      }).catch(() => ({ verified: false as const }));
      return result.verified ? result.registrationInfo : null;
    },
  };
}
