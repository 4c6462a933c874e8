import type { ComparedRow } from './BenchContext';
import type { Measured } from './measure';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** One line per measured side, for the progress log. */
export function describeMeasured(name: string, { load, server }: Measured) {
  const problems = [
    load.failed ? `${load.failed} non-2xx ${JSON.stringify(load.statusCodes)}` : '',
    load.errors ? `${load.errors} connection errors` : '',
    load.exhausted ? 'ran out of prebuilt responses' : '',
  ].filter(Boolean);
  return (
    `${name} ${load.rps.toFixed(0)} rps, p50 ${load.p50} ms, p99 ${load.p99} ms, ` +
    `stall ${server.maxStallMs.toFixed(1)} ms (p99 ${server.p99StallMs.toFixed(1)}, GC ${server.maxGcMs.toFixed(1)}), ` +
    `RSS ${mb(server.peakRssBytes)}, ` +
    `CPU ${server.cpuPercent.toFixed(0)}%${problems.length ? ` (${problems.join('; ')})` : ''}`
  );
}

export function describeRow(row: ComparedRow) {
  const ratio = (100 * row.keyform.load.rps) / row.bare.load.rps;
  return (
    `  ${row.scenario} @${row.connections}: Keyform at ${ratio.toFixed(0)}% of bare\n` +
    `    ${describeMeasured('keyform', row.keyform)}\n    ${describeMeasured('bare   ', row.bare)}`
  );
}
