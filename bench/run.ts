/**
 * `npm run bench` — Keyform against the bare ceiling (bench/bareCeiling.ts) on 127.0.0.1, every
 * run bounded in time, then the tables for bench/README.md and each target's verdict.
 *   --quick                shorter runs (3 s instead of 10 s per server and scenario)
 *   --only=a,b             some of: start, complete, auth-start, auth-complete, journey, flow,
 *                          scaling, frontend
 * Results also go to .tmp/bench/latest.md and latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from './lib/BenchContext';
import { buildKeyform } from './lib/buildKeyform';
import { type BenchResults, formatReport } from './lib/formatReport';
import { pinProcesses } from './lib/pinning';
import { repoRoot } from './lib/startServer';
import { authCompleteScenario } from './scenarios/authCompleteScenario';
import { authStartScenario } from './scenarios/authStartScenario';
import { completeScenario } from './scenarios/completeScenario';
import { flowScenario } from './scenarios/flowScenario';
import { frontEndScenario } from './scenarios/frontEndScenario';
import { journeyScenario } from './scenarios/journeyScenario';
import { scalingScenario } from './scenarios/scalingScenario';
import { startScenario } from './scenarios/startScenario';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (name: string) => !only || only.includes(name);

async function main() {
  const began = performance.now();
  const tmpDir = await mkdtemp(join(tmpdir(), 'keyform-bench-'));
  // Before pinning, which narrows what this process sees to one CPU.
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(
    totalmem() / 2 ** 30,
  )} GB, Node ${process.version}, ${process.platform}`;
  const ctx: BenchContext = {
    pinning: pinProcesses(),
    seconds: quick ? 3 : 10,
    rounds: quick ? 1 : 2,
    warmupSeconds: quick ? 1 : 2,
    connections: [10, 100],
    tmpDir,
    quick,
    log: (line) => process.stdout.write(`${line}\n`),
  };
  const results: BenchResults = {
    machine,
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    pinning: ctx.pinning.description,
    method:
      `${ctx.seconds} s of load per server and scenario` +
      (ctx.rounds > 1 ? ` in ${ctx.rounds} alternating rounds (best kept)` : '') +
      `, after ${ctx.warmupSeconds} s of warm-up; load average at start ${loadavg()[0]!.toFixed(1)}`,
    compared: [],
    flow: [],
    scaling: [],
  };
  ctx.log(`${machine}\n${results.pinning}; ${results.method}`);
  // Before any timing: Keyform runs compiled, as `npm start` runs it.
  ctx.log(await buildKeyform());
  const section = async <T>(name: string, work: () => Promise<T>) => {
    const started = performance.now();
    ctx.log(`\n${name}`);
    const value = await work();
    ctx.log(`  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    return value;
  };
  try {
    if (wanted('start'))
      results.compared.push(...(await section('start', () => startScenario(ctx))));
    if (wanted('complete')) {
      for (const format of ['none', 'packed'] as const) {
        results.compared.push(
          ...(await section(`complete (${format})`, () => completeScenario(ctx, format))),
        );
      }
    }
    if (wanted('auth-start'))
      results.compared.push(...(await section('auth-start', () => authStartScenario(ctx))));
    if (wanted('auth-complete'))
      results.compared.push(...(await section('auth-complete', () => authCompleteScenario(ctx))));
    if (wanted('journey'))
      results.compared.push(...(await section('journey', () => journeyScenario(ctx))));
    if (wanted('flow')) {
      for (const links of ['shared', 'mailing'] as const) {
        results.flow.push(...(await section(`flow (${links})`, () => flowScenario(ctx, links))));
      }
    }
    if (wanted('scaling')) {
      results.scaling = await section('scaling', () =>
        scalingScenario(ctx, [1_000, 100_000, 1_000_000]),
      );
    }
    if (wanted('frontend')) {
      results.frontEnd = await section('front end', () => frontEndScenario(ctx, quick ? 3 : 5));
    }
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
  const report = formatReport(results);
  const out = join(repoRoot, '.tmp/bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.md'), report);
  writeFileSync(join(out, 'latest.json'), JSON.stringify(results, null, 2));
  ctx.log(
    `\n${report}\n(${((performance.now() - began) / 1000).toFixed(0)} s in all; also in .tmp/bench/latest.md)`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
