import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttestationFormat } from '../../test/support/encodeAttestationObject';
import type { BenchContext, ComparedRow } from '../lib/BenchContext';
import { compareAtEachLoad } from '../lib/compareServers';
import { fillRecords } from '../lib/fillRecords';
import { completionCursor, prebuildCompletions } from '../lib/prebuildCompletions';
import { startBare } from '../lib/startBare';
import { startKeyform } from '../lib/startKeyform';

/** Completions per second a prebuilt pool is sized for: above what either server reaches here. */
export const poolRate: Record<AttestationFormat, number> = { none: 11_000, packed: 3_500 };

/**
 * Complete registration with ES256 responses in `format` that the software authenticator built
 * in advance, for PENDING sessions written straight into Keyform's store (and handed to the bare
 * ceiling): 1,000 users, one session per request.
 */
export async function completeScenario(
  ctx: BenchContext,
  format: AttestationFormat,
): Promise<ComparedRow[]> {
  const perLevel = Math.ceil((ctx.seconds + ctx.warmupSeconds) * poolRate[format]);
  const count = perLevel * ctx.connections.length;
  let began = performance.now();
  const completions = prebuildCompletions({ count, format });
  ctx.log(`  built ${count} ${format} responses in ${(performance.now() - began).toFixed(0)} ms`);
  began = performance.now();
  const dataDir = await mkdtemp(join(ctx.tmpDir, `complete-${format}-`));
  await fillRecords({ dataDir, users: 1_000, withPasskeys: false, sessions: completions.sessions });
  const keyform = await startKeyform({ dataDir, prefix: ctx.pinning.serverPrefix });
  const bare = await startBare({ prefix: ctx.pinning.serverPrefix });
  await bare.addSessions(completions.sessions);
  ctx.log(`  stored ${count} sessions in ${(performance.now() - began).toFixed(0)} ms`);
  // One cursor per server for the whole scenario, so no session is completed twice.
  const cursors = {
    keyform: completionCursor(completions, keyform.paths.complete),
    bare: completionCursor(completions, bare.paths.complete),
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
  return compareAtEachLoad(ctx, { scenario: `complete (${format})`, keyform, bare, side });
}
