import type autocannon from 'autocannon';
import type { BenchContext, ComparedRow } from './BenchContext';
import { describeRow } from './describeRow';
import { type Measured, measure } from './measure';
import type { ServerStats } from './startServer';

type Stoppable = { stop: () => Promise<unknown> };

interface Side {
  baseUrl: string;
  headers: Record<string, string>;
  stats: () => Promise<ServerStats>;
  requests: () => autocannon.Request[];
  remaining?: () => number;
}

/**
 * Keyform and the bare ceiling under the same load, alternating: each side warms up, then they
 * take turns for `rounds` rounds of `seconds / rounds` each, and each side keeps its best round.
 * Alternating short rounds and keeping the best damps what other processes on the machine do to
 * one side only; with one round it is a plain Keyform-then-bare comparison.
 */
export async function compareServers({
  scenario,
  connections,
  seconds,
  warmupSeconds,
  rounds,
  keyform,
  bare,
}: {
  scenario: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  keyform: Side;
  bare: Side;
}): Promise<ComparedRow> {
  const best: { keyform?: Measured; bare?: Measured } = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, side] of [
      ['keyform', keyform],
      ['bare', bare],
    ] as const) {
      const measured = await measure({
        server: side,
        connections,
        seconds: seconds / rounds,
        warmupSeconds: round === 0 ? warmupSeconds : 0,
        requests: side.requests,
        remaining: side.remaining,
      });
      const previous = best[name];
      if (!previous || measured.load.rps > previous.load.rps) best[name] = measured;
    }
  }
  return { scenario, connections, keyform: best.keyform!, bare: best.bare! };
}

/**
 * One compared row per connection count in `ctx.connections`, each logged as it is measured; both
 * servers are stopped afterwards, also when a row fails.
 */
export async function compareAtEachLoad<Keyform extends Stoppable, Bare extends Stoppable>(
  ctx: BenchContext,
  {
    scenario,
    keyform,
    bare,
    side,
  }: {
    scenario: string;
    keyform: Keyform;
    bare: Bare;
    side: (server: Keyform | Bare, connections: number) => Side;
  },
): Promise<ComparedRow[]> {
  const rows: ComparedRow[] = [];
  try {
    for (const connections of ctx.connections) {
      const row = await compareServers({
        ...ctx,
        scenario,
        connections,
        keyform: side(keyform, connections),
        bare: side(bare, connections),
      });
      ctx.log(describeRow(row));
      rows.push(row);
    }
  } finally {
    await Promise.all([keyform.stop(), bare.stop()]);
  }
  return rows;
}
