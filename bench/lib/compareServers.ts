import type autocannon from 'autocannon';
import type { BenchContext, ComparedRow } from './BenchContext';
import { describeRow } from './describeRow';
import { type Measured, measure } from './measure';
import type { ServerStats } from './startServer';
import type { JourneyStats } from './summarizeJourneys';
import { waitUntilIdle } from './waitUntilIdle';

type Stoppable = { stop: () => Promise<unknown> };
/** What "best round" means: whole journeys where a scenario counts them, else requests. */
const score = (measured: Measured) => measured.journeys?.perSecond ?? measured.load.rps;

interface Side {
  baseUrl: string;
  headers: Record<string, string>;
  stats: () => Promise<ServerStats>;
  requests: () => autocannon.Request[];
  remaining?: () => number;
  journeys?: (seconds: number) => JourneyStats;
}

/**
 * Keyform and the bare ceiling under the same load, alternating: each side warms up, then they
 * take turns for `rounds` rounds of `seconds / rounds` each, and each side keeps its best round
 * (by journeys per second where the side counts journeys, else by requests per second).
 * Alternating short rounds and keeping the best damps what other processes on the machine do to
 * one side only; with one round it is a plain Keyform-then-bare comparison. Before each run the
 * other side has worked off what its last run left queued.
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
    for (const [name, side, other] of [
      ['keyform', keyform, bare],
      ['bare', bare, keyform],
    ] as const) {
      // Both servers share the server CPU: the other one's leftovers must not be timed here.
      await waitUntilIdle(other);
      const measured = await measure({
        server: side,
        connections,
        seconds: seconds / rounds,
        warmupSeconds: round === 0 ? warmupSeconds : 0,
        requests: side.requests,
        remaining: side.remaining,
        journeys: side.journeys,
      });
      const previous = best[name];
      if (!previous || score(measured) > score(previous)) best[name] = measured;
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
