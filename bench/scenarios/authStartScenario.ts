import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext, ComparedRow } from '../lib/BenchContext';
import { compareAtEachLoad } from '../lib/compareServers';
import { createSignInCredentials } from '../lib/createSignInCredentials';
import { fillRecords } from '../lib/fillRecords';
import { signInPaths } from '../lib/signInPaths';
import { startBare } from '../lib/startBare';
import { startKeyform } from '../lib/startKeyform';

/**
 * Start a passkey sign-in for existing users (1,000, each with one ES256 passkey, taken in
 * turn): Keyform reads the user and their passkeys for allowCredentials and stores a session;
 * the bare ceiling reads its Map, generates the options and writes a Map.
 */
export async function authStartScenario(ctx: BenchContext): Promise<ComparedRow[]> {
  const dataDir = await mkdtemp(join(ctx.tmpDir, 'auth-start-'));
  const credentials = createSignInCredentials({ users: 1_000 });
  const { userIds } = await fillRecords({ dataDir, users: credentials.length, credentials });
  const keyform = await startKeyform({ dataDir, prefix: ctx.pinning.serverPrefix });
  const bare = await startBare({ prefix: ctx.pinning.serverPrefix });
  await bare.addSignInPasskeys(passkeysOf(userIds, credentials));
  const side = (server: typeof keyform | typeof bare) => {
    const path = signInPaths[server.kind].start;
    let next = 0;
    return {
      ...server,
      requests: () => [
        {
          method: 'POST' as const,
          body: '{}',
          setupRequest: (request: object) => ({
            ...request,
            path: path(userIds[next++ % userIds.length]!),
          }),
        },
      ],
    };
  };
  return compareAtEachLoad(ctx, { scenario: 'auth-start', keyform, bare, side });
}

/** What the bare ceiling needs of the passkeys fillRecords stored: user i has credential i. */
export function passkeysOf(
  userIds: string[],
  credentials: ReturnType<typeof createSignInCredentials>,
) {
  return credentials.map((c, i) => ({
    userId: userIds[i]!,
    credentialId: c.id,
    publicKey: Buffer.from(c.cosePublicKey).toString('base64url'),
  }));
}
