import type autocannon from 'autocannon';
import type { ComparedRow } from './BenchContext';
import { type Measured, measure } from './measure';
import type { ServerStats } from './startServer';

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
