import type autocannon from 'autocannon';
import { type LoadResult, runLoad } from './runLoad';
import type { ServerStats } from './startServer';

export interface Measured {
  load: LoadResult;
  server: ServerStats;
}

interface Target {
  baseUrl: string;
  headers: Record<string, string>;
  stats: () => Promise<ServerStats>;
}

/**
 * Warm up (JIT, caches, connections) for `warmupSeconds`, start a fresh stats window on the
 * server, run the timed load, and return it with the server's own RSS and event-loop figures
 * for exactly that window. `requests()` is called per run, so stateful request lists start over.
 */
export async function measure({
  server,
  connections,
  seconds,
  warmupSeconds,
  requests,
  remaining,
}: {
  server: Target;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  requests: () => autocannon.Request[];
  /** How many requests are left, when the scenario can only send so many. */
  remaining?: () => number;
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
  await server.stats();
  const load = await runLoad({ ...common, seconds, requests: requests(), amount: remaining?.() });
  return { load, server: await server.stats() };
}
