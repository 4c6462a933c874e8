import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext, ComparedRow } from '../lib/BenchContext';
import { compareAtEachLoad } from '../lib/compareServers';
import { createSignInCredentials } from '../lib/createSignInCredentials';
import { fillRecords } from '../lib/fillRecords';
import { prebuildAssertions } from '../lib/prebuildAssertions';
import { completionCursor } from '../lib/prebuildCompletions';
import { signInPaths } from '../lib/signInPaths';
import { startBare } from '../lib/startBare';
import { startKeyform } from '../lib/startKeyform';
import { passkeysOf } from './authStartScenario';

/** Sign-ins per second a prebuilt pool is sized for: above what either server reaches here. */
export const signInPoolRate = 6_000;

/**
 * Complete passkey sign-ins with ES256 assertions the software authenticator signed in advance,
 * for PENDING sessions written straight into Keyform's store (and handed to the bare ceiling):
 * 1,000 users with one passkey each, sessions for them in turn, one session per request, each
 * passkey's counter one higher per sign-in. Keyform verifies, then commits the passkey's new
 * counter and lastUsedAt with the session's completion; the bare ceiling verifies and writes
 * the counter into a Map.
 */
export async function authCompleteScenario(ctx: BenchContext): Promise<ComparedRow[]> {
  const perLevel = Math.ceil((ctx.seconds + ctx.warmupSeconds) * signInPoolRate);
  const count = perLevel * ctx.connections.length;
  let began = performance.now();
  const credentials = createSignInCredentials({ users: 1_000 });
  const assertions = prebuildAssertions({ count, credentials });
  ctx.log(`  built ${count} ES256 assertions in ${(performance.now() - began).toFixed(0)} ms`);
  began = performance.now();
  const dataDir = await mkdtemp(join(ctx.tmpDir, 'auth-complete-'));
  const { userIds } = await fillRecords({
    dataDir,
    users: credentials.length,
    credentials,
    authSessions: assertions.sessions,
  });
  const keyform = await startKeyform({ dataDir, prefix: ctx.pinning.serverPrefix });
  const bare = await startBare({ prefix: ctx.pinning.serverPrefix });
  await bare.addSignInPasskeys(passkeysOf(userIds, credentials));
  await bare.addSignInSessions(
    assertions.sessions.map((s, n) => ({ ...s, userId: userIds[n % userIds.length]! })),
  );
  ctx.log(`  stored ${count} sessions in ${(performance.now() - began).toFixed(0)} ms`);
  // One cursor per server for the whole scenario: no session twice, every counter increasing.
  const cursors = {
    keyform: completionCursor(assertions, signInPaths.keyform.complete),
    bare: completionCursor(assertions, signInPaths.bare.complete),
  };
  const side = (server: typeof keyform | typeof bare, connections: number) => {
    const cursor = cursors[server.kind];
    return {
      ...server,
      remaining: () => cursor.remaining(connections),
      requests: () => [
        {
          method: 'POST' as const,
          setupRequest: (request: object) => ({ ...request, ...cursor.take() }),
        },
      ],
    };
  };
  return compareAtEachLoad(ctx, { scenario: 'auth-complete', keyform, bare, side });
}
