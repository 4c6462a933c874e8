import type { ComparedRow } from './BenchContext';
import type { Measured } from './measure';
import type { JourneyStats } from './summarizeJourneys';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** One line per measured side, for the progress log. */
export function describeMeasured(name: string, { load, server, journeys }: Measured) {
  const problems = [
    load.failed ? `${load.failed} non-2xx ${JSON.stringify(load.statusCodes)}` : '',
    load.errors ? `${load.errors} connection errors` : '',
    load.exhausted ? 'ran out of prebuilt responses or links' : '',
  ].filter(Boolean);
  return (
    `${name} ${journeys ? `${describeJourneys(journeys)}; ` : ''}` +
    `${load.rps.toFixed(0)} rps, p50 ${load.p50} ms, p99 ${load.p99} ms, ` +
    `stall ${server.maxStallMs.toFixed(1)} ms (p99 ${server.p99StallMs.toFixed(1)}, GC ${server.maxGcMs.toFixed(1)}), ` +
    `RSS ${mb(server.peakRssBytes)}, ` +
    `CPU ${server.cpuPercent.toFixed(0)}%${problems.length ? ` (${problems.join('; ')})` : ''}`
  );
}

export function describeRow(row: ComparedRow) {
  const rate = (m: Measured) => m.journeys?.perSecond ?? m.load.rps;
  const ratio = (100 * rate(row.keyform)) / rate(row.bare);
  return (
    `  ${row.scenario} @${row.connections}: Keyform at ${ratio.toFixed(0)}% of bare\n` +
    `    ${describeMeasured('keyform', row.keyform)}\n    ${describeMeasured('bare   ', row.bare)}`
  );
}

/** A run's whole journeys: rate, journey time, the authenticator's share, the first failure. */
function describeJourneys(j: JourneyStats) {
  return (
    `${j.perSecond.toFixed(j.perSecond < 10 ? 1 : 0)} journeys/s (${j.completed}), journey p50 ${j.p50.toFixed(0)} ms, ` +
    `p99 ${j.p99.toFixed(0)} ms, server CPU ${j.serverCpuMs?.toFixed(2) ?? '–'} ms and ` +
    `authenticator ${j.authenticatorUs?.toFixed(0) ?? '–'} µs per journey` +
    (j.stepsP50
      ? ` (p50 by step: ${Object.entries(j.stepsP50)
          .map(([step, ms]) => `${step} ${ms.toFixed(1)}`)
          .join(', ')} ms)`
      : '') +
    (j.firstFailure ? ` (first failure: ${j.firstFailure})` : '')
  );
}
