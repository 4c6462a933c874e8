import type autocannon from 'autocannon';
import { type LoadResult, runLoad } from './runLoad';
import type { ServerStats } from './startServer';
import type { JourneyStats } from './summarizeJourneys';
import { waitUntilIdle } from './waitUntilIdle';

export interface Measured {
  load: LoadResult;
  server: ServerStats;
  /** Whole journeys, for a scenario that counts them (the end-user flow). */
  journeys?: JourneyStats;
}

interface Target {
  baseUrl: string;
  headers: Record<string, string>;
  stats: () => Promise<ServerStats>;
}

/**
 * Warm up (JIT, caches, connections) for `warmupSeconds`, wait until the server is idle again
 * and start a fresh stats window on it, run the timed load, and return it with the server's own RSS and event-loop figures
 * for exactly that window. `requests()` is called per run, so stateful request lists start over;
 * `journeys` then reads what the timed run's list recorded.
 */
export async function measure({
  server,
  connections,
  seconds,
  warmupSeconds,
  requests,
  remaining,
  journeys,
}: {
  server: Target;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  requests: () => autocannon.Request[];
  /** How many requests are left, when the scenario can only send so many. */
  remaining?: () => number;
  /** Whole journeys of the last run `requests()` made the list for, over its `seconds`. */
  journeys?: (seconds: number) => JourneyStats;
}): Promise<Measured> {
  const common = { baseUrl: server.baseUrl, headers: server.headers, connections };
  if (warmupSeconds > 0) {
    await runLoad({
      ...common,
      seconds: warmupSeconds,
      requests: requests(),
      amount: remaining?.(),
    });
  }
  // What the warm-up left queued is not the timed run's work; this also opens a fresh window.
  await waitUntilIdle(server);
  const load = await runLoad({ ...common, seconds, requests: requests(), amount: remaining?.() });
  const stats = await server.stats();
  if (!journeys) return { load, server: stats };
  const summary = journeys(load.seconds);
  const cpuMs = (stats.cpuPercent / 100) * stats.windowMs;
  return { load, server: stats, journeys: { ...summary, serverCpuMs: cpuMs / summary.completed } };
}
