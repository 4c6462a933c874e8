import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** bench/serverStats.ts compiled (by buildKeyform), for servers that run without tsx. */
export const statsPreload = 'dist/bench/serverStats.js';

/** What bench/serverStats.ts reports for one window. */
export interface ServerStats {
  rssBytes: number;
  peakRssBytes: number;
  maxStallMs: number;
  p99StallMs: number;
  /** Longest garbage-collection pause in the window. */
  maxGcMs: number;
  cpuPercent: number;
  windowMs: number;
}

export type BenchServer = Awaited<ReturnType<typeof startServer>>;

/**
 * Spawn a server, `node --import <stats preload> <entry>`, pinned when asked, and wait until
 * GET /health answers. `coldStartMs` is spawn → first 200 from /health. A compiled entry gets the
 * compiled preload (dist/bench/serverStats.js) and runs without a loader, as `npm start` runs
 * Keyform; a TypeScript entry runs through tsx (`--import tsx --import ./bench/serverStats.ts`).
 */
export async function startServer({
  entry,
  env,
  prefix = [],
  readyTimeoutMs = 60_000,
}: {
  entry: string;
  env: Record<string, string>;
  prefix?: string[];
  readyTimeoutMs?: number;
}) {
  const port = Number(env.PORT ?? (await freePort()));
  // BENCH_NODE_ARGS, e.g. '--cpu-prof --cpu-prof-dir=.tmp/profiles', to profile the servers.
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const preload = entry.endsWith('.ts')
    ? ['--import', 'tsx', '--import', './bench/serverStats.ts']
    : ['--import', `./${statsPreload}`];
  const args = [...extra, ...preload, entry];
  const [command, ...rest] = [...prefix, process.execPath, ...args];
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(command!, rest, {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const waiting: Array<(stats: ServerStats) => void> = [];
  let pending = '';
  let stdout = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    if (stdout.length < 100_000) stdout += chunk;
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line.startsWith('@@bench-stats ')) waiting.shift()?.(JSON.parse(line.slice(14)));
      newline = pending.indexOf('\n');
    }
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  let gone = false;
  void exited.then(() => {
    gone = true;
  });

  const deadline = spawnedAt + readyTimeoutMs;
  let coldStartMs = Number.NaN;
  while (performance.now() < deadline) {
    if (gone) throw new Error(`${entry} exited before it was ready: ${stderr}`);
    const ok = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1_000) })
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) {
      coldStartMs = performance.now() - spawnedAt;
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  if (Number.isNaN(coldStartMs)) {
    child.kill('SIGKILL');
    throw new Error(`${entry} not ready after ${readyTimeoutMs} ms: ${stderr}`);
  }

  return {
    pid: child.pid ?? -1,
    port,
    baseUrl,
    coldStartMs,
    stderr: () => stderr,
    stdout: () => stdout,
    /** Ends the current stats window (and starts the next) and returns it. */
    stats: () =>
      new Promise<ServerStats>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no stats from ${entry}`)), 10_000);
        waiting.push((stats) => {
          clearTimeout(timer);
          done(stats);
        });
        child.kill('SIGUSR2');
      }),
    /** SIGTERM (a graceful close), then SIGKILL if it hangs. */
    async stop() {
      if (gone) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
  };
}

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise<number>((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail()));
    });
  });
}
