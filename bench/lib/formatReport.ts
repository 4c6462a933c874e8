import type { FrontEndResult } from '../scenarios/frontEndScenario';
import type { ScalingRow } from '../scenarios/scalingScenario';
import type { ComparedRow } from './BenchContext';
import type { Measured } from './measure';

export interface BenchResults {
  machine: string;
  command: string;
  date: string;
  pinning: string;
  method: string;
  compared: ComparedRow[];
  /** The end-user flow (flowScenario): rows whose sides count whole journeys. */
  flow: ComparedRow[];
  scaling: ScalingRow[];
  frontEnd?: FrontEndResult;
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–');
const stall = (value: number) => value.toFixed(1);

/** Markdown: the tables bench/README.md keeps, then each target with its verdict. */
export function formatReport(results: BenchResults) {
  const lines = [
    `**${results.date}** · ${results.machine} · \`${results.command}\``,
    '',
    `${results.pinning}; ${results.method}`,
    '',
  ];
  if (results.compared.length > 0) {
    lines.push(
      '| scenario | conns | Keyform rps | bare rps | Keyform / bare | Keyform p50 / p99 ms | bare p50 / p99 ms | Keyform max stall ms | bare max stall ms | Keyform RSS MB | bare RSS MB |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const { scenario, connections, keyform: k, bare: b } of results.compared) {
      lines.push(
        `| ${scenario} | ${connections} | ${ms(k.load.rps)} | ${ms(b.load.rps)} | ` +
          `${((100 * k.load.rps) / b.load.rps).toFixed(0)}% | ${k.load.p50} / ${k.load.p99} | ` +
          `${b.load.p50} / ${b.load.p99} | ${stall(k.server.maxStallMs)} | ${stall(b.server.maxStallMs)} | ` +
          `${mb(k.server.peakRssBytes)} | ${mb(b.server.peakRssBytes)} |`,
      );
    }
    lines.push('');
  }
  if (results.flow.length > 0) {
    const rate = (m: Measured) => m.journeys?.perSecond ?? Number.NaN;
    const perSecond = (value: number) => value.toFixed(value < 10 ? 1 : 0);
    const times = (m: Measured) =>
      `${ms(m.journeys?.p50 ?? Number.NaN)} / ${ms(m.journeys?.p99 ?? Number.NaN)}`;
    const cpu = (m: Measured) => (m.journeys?.serverCpuMs ?? Number.NaN).toFixed(2);
    lines.push(
      '| end-user flow | conns | Keyform journeys/s | bare journeys/s | Keyform / bare | Keyform journey p50 / p99 ms | bare journey p50 / p99 ms | server CPU ms per journey, Keyform / bare | Keyform max stall ms | Keyform RSS MB |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const { scenario, connections, keyform: k, bare: b } of results.flow) {
      lines.push(
        `| ${scenario} | ${connections} | ${perSecond(rate(k))} | ${perSecond(rate(b))} | ` +
          `${((100 * rate(k)) / rate(b)).toFixed(rate(k) / rate(b) < 0.01 ? 2 : 0)}% | ` +
          `${times(k)} | ${times(b)} | ${cpu(k)} / ${cpu(b)} | ` +
          `${stall(k.server.maxStallMs)} | ${mb(k.server.peakRssBytes)} |`,
      );
    }
    lines.push('');
  }
  if (results.scaling.length > 0) {
    const base = results.scaling[0]!.measured.load.rps;
    lines.push(
      `| users + passkeys | fill s | cold start ms (2 CPUs / 1 CPU) | complete rps @${results.scaling[0]!.connections} | vs ${results.scaling[0]!.users} | p99 ms | max stall ms | RSS MB idle / peak |`,
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const row of results.scaling) {
      const { load, server } = row.measured;
      lines.push(
        `| ${row.users.toLocaleString('en')} | ${(row.fillMs / 1000).toFixed(1)} | ` +
          `${ms(row.coldStartMs)} / ${ms(row.coldStartPinnedMs)} | ${ms(load.rps)} | ` +
          `${((100 * load.rps) / base).toFixed(0)}% | ${load.p99} | ${stall(server.maxStallMs)} | ` +
          `${mb(row.idleRssBytes)} / ${mb(server.peakRssBytes)} |`,
      );
    }
    lines.push('');
  }
  const f = results.frontEnd;
  if (f) {
    lines.push(
      '| registration page JS gzip kB | CSS gzip kB | start link → stored passkey, median ms (runs) |',
      '|---:|---:|---:|',
      `| ${kb(f.jsGzipBytes)} | ${kb(f.cssGzipBytes)} | ${ms(f.medianMs)} (${f.runsMs.map(ms).join(', ') || f.browserError}) |`,
      '',
    );
    // No target: the heavy form is printed to show what the lazy renderers cost.
    const h = f.heavyForm;
    lines.push(
      '| heavy form (bench/heavyForm.json) JS gzip kB: page + lazy = total | start link → interactive form, median ms (runs) |',
      '|---:|---:|',
      `| ${kb(h.initialJsGzipBytes)} + ${kb(h.lazyJsGzipBytes)} = ${kb(h.jsGzipBytes)} | ${ms(h.medianMs)} (${h.runsMs.map(ms).join(', ') || h.browserError}) |`,
      '',
    );
  }
  lines.push(...formatTargets(results), '');
  return lines.join('\n');
}

/** Each target of the issue, measured on this run: ✅ met, ❌ missed, – not measured. */
export function formatTargets({ compared, flow, scaling, frontEnd }: BenchResults) {
  const rows: string[] = ['| target | measured | |', '|---|---|:-:|'];
  const verdict = (ok: boolean | undefined) => (ok === undefined ? '–' : ok ? '✅' : '❌');
  const add = (target: string, measured: string, ok: boolean | undefined) =>
    rows.push(`| ${target} | ${measured} | ${verdict(ok)} |`);
  const of = (prefix: string) => compared.filter((r) => r.scenario.startsWith(prefix));
  const ratio = (r: ComparedRow) => r.keyform.load.rps / r.bare.load.rps;
  for (const [name, prefix] of [
    ['start ≥ 70% of bare', 'start'],
    ['complete (none) ≥ 70% of bare', 'complete (none)'],
    ['complete (packed) ≥ 70% of bare', 'complete (packed)'],
  ] as const) {
    const found = of(prefix);
    add(
      name,
      found.map((r) => `${(100 * ratio(r)).toFixed(0)}% @${r.connections}`).join(', ') || '–',
      found.length ? found.every((r) => ratio(r) >= 0.7) : undefined,
    );
  }
  const at100 = (prefix: string) => of(prefix).filter((r) => r.connections === 100);
  const p99 = (name: string, rowsAt: ComparedRow[], limit: number) =>
    add(
      name,
      rowsAt.map((r) => `${r.scenario}: ${r.keyform.load.p99} ms`).join(', ') || '–',
      rowsAt.length ? rowsAt.every((r) => r.keyform.load.p99 <= limit) : undefined,
    );
  p99('p99 ≤ 20 ms, start @100', at100('start'), 20);
  p99('p99 ≤ 100 ms, complete @100', at100('complete'), 100);
  const stalls = [
    ...[...compared, ...flow].map((r) => ({
      what: `${r.scenario} @${r.connections}`,
      s: r.keyform.server,
    })),
    ...scaling.map((r) => ({ what: `${r.users} users`, s: r.measured.server })),
  ];
  const worst = stalls.sort((a, b) => b.s.maxStallMs - a.s.maxStallMs)[0];
  add(
    'no event-loop stall > 20 ms under load',
    worst ? `worst ${stall(worst.s.maxStallMs)} ms (${worst.what})` : '–',
    worst ? worst.s.maxStallMs <= 20 : undefined,
  );
  const small = scaling.find((r) => r.users === 1_000);
  const large = scaling.find((r) => r.users === 1_000_000);
  const keep = small && large ? large.measured.load.rps / small.measured.load.rps : undefined;
  add(
    'throughput at 1M ≥ 80% of 1k',
    keep === undefined ? '–' : `${(100 * keep).toFixed(0)}%`,
    keep === undefined ? undefined : keep >= 0.8,
  );
  add(
    'RSS at 1M ≤ 400 MB',
    large ? `${mb(large.measured.server.peakRssBytes)} MB peak` : '–',
    large ? large.measured.server.peakRssBytes <= 400 * 2 ** 20 : undefined,
  );
  add(
    'cold start at 1M ≤ 2 s',
    large ? `${ms(large.coldStartMs)} ms (1 CPU: ${ms(large.coldStartPinnedMs)} ms)` : '–',
    large ? large.coldStartMs <= 2_000 : undefined,
  );
  add(
    'registration page ≤ 150 kB gzip JS',
    frontEnd ? `${kb(frontEnd.jsGzipBytes)} kB` : '–',
    frontEnd && frontEnd.assets.length > 0 ? frontEnd.jsGzipBytes <= 150_000 : undefined,
  );
  add(
    'console first screen ≤ 300 kB gzip JS',
    frontEnd?.console ? `${kb(frontEnd.console.jsGzipBytes)} kB` : '–',
    frontEnd?.console && frontEnd.console.assets.length > 0
      ? frontEnd.console.jsGzipBytes <= 300_000
      : undefined,
  );
  add(
    'start link → stored passkey < 1.5 s',
    frontEnd ? `${ms(frontEnd.medianMs)} ms median` : '–',
    frontEnd && frontEnd.runsMs.length > 0 ? frontEnd.medianMs < 1_500 : undefined,
  );
  return rows;
}
