import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type WebAuthnCredential,
} from '@simplewebauthn/server';

/**
 * The library work of one passkey sign-in with Keyform's default sign-in policy (user
 * verification required, 300 s), for the bare ceiling: options that allow the user's
 * credentials, and the library's verification of an assertion, whose counter check (a counter
 * that does not increase is refused) is the one Keyform makes itself.
 */
export function createBareAuthentication({ origin, rpID }: { origin: string; rpID: string }) {
  return {
    options: (allowCredentials: Array<{ id: string; transports: ['internal'] }>) =>
      generateAuthenticationOptions({
        rpID,
        allowCredentials,
        userVerification: 'required',
        timeout: 300_000,
      }),
    /** What the library verified, or null when the assertion does not verify. */
    verify: async (
      response: AuthenticationResponseJSON,
      expectedChallenge: string,
      credential: WebAuthnCredential,
    ) => {
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        expectedType: 'webauthn.get',
        requireUserVerification: true,
        credential,
      }).catch(() => ({ verified: false as const }));
      return result.verified ? result.authenticationInfo : null;
    },
  };
}
