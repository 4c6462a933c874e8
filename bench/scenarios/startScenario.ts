import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext, ComparedRow } from '../lib/BenchContext';
import { compareAtEachLoad } from '../lib/compareServers';
import { fillRecords } from '../lib/fillRecords';
import { startBare } from '../lib/startBare';
import { startKeyform } from '../lib/startKeyform';

/**
 * Start registration for existing users (1,000, taken in turn, so the first 1,000 starts also
 * keep the user's handle and the rest find it), Keyform against the bare ceiling.
 */
export async function startScenario(ctx: BenchContext): Promise<ComparedRow[]> {
  const dataDir = await mkdtemp(join(ctx.tmpDir, 'start-'));
  const { userIds } = await fillRecords({ dataDir, users: 1_000, withPasskeys: false });
  const keyform = await startKeyform({ dataDir, prefix: ctx.pinning.serverPrefix });
  const bare = await startBare({ prefix: ctx.pinning.serverPrefix });
  const side = (server: typeof keyform | typeof bare) => {
    let next = 0;
    return {
      ...server,
      requests: () => [
        {
          method: 'POST' as const,
          body: '{}',
          setupRequest: (request: object) => ({
            ...request,
            path: server.paths.start(userIds[next++ % userIds.length]!),
          }),
        },
      ],
    };
  };
  return compareAtEachLoad(ctx, { scenario: 'start', keyform, bare, side });
}
