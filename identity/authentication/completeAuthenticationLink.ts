import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { AuthenticationSessionRecord } from '../../storage/AuthenticationSessionRecord';
import { completePasskeyAuthentication } from '../completePasskeyAuthentication';
import type { IdentityDeps } from '../IdentityDeps';
import { invalidLink } from './findLinkedSession';

/** What the browser learns of its sign-in: no token — the integrator's backend reads the session. */
export type LinkedSignIn = {
  passkeyId: string;
  /** The WebAuthn credential ID that signed in (base64url): the SDK's local record of it. */
  credentialId: string;
  userId: string;
  authenticatedAt: string;
};

/**
 * Complete the sign-in of an authentication link with the browser's assertion. The link stands in
 * for the API token, nothing else: completePasskeyAuthentication applies every rule (DESIGN §4b),
 * with the same codes, the same attempt counting and the same idempotent resend.
 */
export async function completeAuthenticationLink(
  deps: IdentityDeps,
  {
    session,
    response,
  }: { session: AuthenticationSessionRecord | undefined; response: AuthenticationResponseJSON },
): Promise<LinkedSignIn> {
  if (!session) throw invalidLink();
  const result = await completePasskeyAuthentication(deps, {
    tenantId: session.tenantId,
    storeName: session.storeName,
    sessionId: session.id,
    response,
  });
  return {
    passkeyId: result.passkeyId,
    // The verification found the passkey by this id: it is the one that signed in.
    credentialId: response.id,
    userId: result.userId,
    authenticatedAt: result.authenticatedAt,
  };
}
