import { randomBytes } from 'node:crypto';
import { createAssertion } from '../../test/support/createAssertion';
import type { SoftCredential } from '../../test/support/softAuthenticatorTypes';
import type { BenchSession } from './fillRecords';
import { benchOrigin } from './startKeyform';

/**
 * `count` sign-in sessions (id + challenge, for the users of `credentials` taken in turn, as
 * fillRecords writes them) and, for each, the complete request's body with an assertion built
 * in advance by the software authenticator's getAssertion (test/support/createAssertion.ts:
 * ES256 over authenticatorData ‖ SHA-256(clientDataJSON), user verified, the credential's user
 * handle). Each credential's counter goes up by one per assertion, in session order, so a server
 * completing them in order sees every counter increase.
 */
export function prebuildAssertions({
  count,
  credentials,
}: {
  count: number;
  credentials: SoftCredential[];
}) {
  const settings = {
    origin: benchOrigin,
    userVerified: true,
    userPresent: true,
    backupEligible: false,
    backupState: false,
    attachment: 'platform' as const,
  };
  const sessions: BenchSession[] = [];
  const bodies: string[] = [];
  for (let n = 0; n < count; n++) {
    const credential = credentials[n % credentials.length]!;
    const session = {
      id: randomBytes(16).toString('base64url'),
      challenge: randomBytes(32).toString('base64url'),
    };
    const clientResponse = createAssertion([credential], settings, {
      challenge: session.challenge,
      rpId: credential.rpId,
      allowCredentials: [{ id: credential.id, type: 'public-key' }],
    });
    sessions.push(session);
    bodies.push(JSON.stringify({ clientResponse }));
  }
  return { sessions, bodies };
}
