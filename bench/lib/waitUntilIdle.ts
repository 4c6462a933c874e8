import type { ServerStats } from './startServer';

/**
 * Wait until a server has finished what an earlier run left queued: autocannon closes its
 * connections when a run ends, but a server still works through the requests it had accepted,
 * and on the shared server CPU that work would be timed as the next run's. Idle: below
 * `cpuPercent` of one CPU over a `windowMs` window; gives up after `maxMs`. Returns the ms waited.
 */
export async function waitUntilIdle(
  server: { stats: () => Promise<ServerStats> },
  { cpuPercent = 10, windowMs = 250, maxMs = 300_000 } = {},
) {
  const began = performance.now();
  await server.stats();
  while (performance.now() - began < maxMs) {
    await new Promise((done) => setTimeout(done, windowMs));
    if ((await server.stats()).cpuPercent < cpuPercent) break;
  }
  return performance.now() - began;
}
