import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext } from '../lib/BenchContext';
import { describeMeasured } from '../lib/describeRow';
import { fillRecords } from '../lib/fillRecords';
import { type Measured, measure } from '../lib/measure';
import { completionCursor, prebuildCompletions } from '../lib/prebuildCompletions';
import { startKeyform } from '../lib/startKeyform';

export interface ScalingRow {
  users: number;
  fillMs: number;
  /** Spawn → /health answering, the server free to use both CPUs (nothing else runs then). */
  coldStartMs: number;
  /** The same, pinned to one CPU like every load run. */
  coldStartPinnedMs: number;
  idleRssBytes: number;
  connections: number;
  measured: Measured;
}

/**
 * Complete registration (`none`) against a store pre-filled with `users` users, each with a
 * passkey, written straight through the storage layer; cold start measured on the filled store.
 */
export async function scalingScenario(ctx: BenchContext, sizes: number[]): Promise<ScalingRow[]> {
  const connections = Math.max(...ctx.connections);
  // Keyform alone here: sized well above what it completes per second on this machine.
  const count = Math.ceil((ctx.seconds + ctx.warmupSeconds) * 5_000);
  const completions = prebuildCompletions({ count, format: 'none' });
  const rows: ScalingRow[] = [];
  for (const users of sizes) {
    const dataDir = await mkdtemp(join(ctx.tmpDir, `scale-${users}-`));
    try {
      const { ms: fillMs } = await fillRecords({
        dataDir,
        users,
        sessions: completions.sessions,
      });
      const pinned = await startKeyform({ dataDir, prefix: ctx.pinning.serverPrefix });
      await pinned.stop();
      const keyform = await startKeyform({ dataDir, prefix: [] });
      try {
        if (ctx.pinning.serverPrefix.length > 0) {
          execFileSync('taskset', ['-a', '-p', '-c', '0', String(keyform.pid)], {
            stdio: 'ignore',
          });
        }
        const idle = await keyform.stats();
        const cursor = completionCursor(completions, keyform.paths.complete);
        const measured = await measure({
          server: keyform,
          connections,
          seconds: ctx.seconds,
          warmupSeconds: ctx.warmupSeconds,
          remaining: () => cursor.remaining(connections),
          requests: () => [
            {
              method: 'POST',
              setupRequest: (request) => ({ ...request, ...cursor.take() }),
            },
          ],
        });
        const row = {
          users,
          fillMs,
          coldStartMs: keyform.coldStartMs,
          coldStartPinnedMs: pinned.coldStartMs,
          idleRssBytes: idle.rssBytes,
          connections,
          measured,
        };
        ctx.log(
          `  ${users} users: filled in ${(fillMs / 1000).toFixed(1)} s, cold start ` +
            `${keyform.coldStartMs.toFixed(0)} ms (1 CPU: ${pinned.coldStartMs.toFixed(0)} ms), ` +
            `idle RSS ${(idle.rssBytes / 2 ** 20).toFixed(0)} MB\n    complete (none) @${connections}: ` +
            describeMeasured('keyform', measured),
        );
        rows.push(row);
      } finally {
        await keyform.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  return rows;
}
