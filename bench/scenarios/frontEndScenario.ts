import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { addVirtualAuthenticator } from '../../test/e2e/support/addVirtualAuthenticator';
import { launchChromium } from '../../test/e2e/support/launchChromium';
import type { BenchContext } from '../lib/BenchContext';
import { startKeyform } from '../lib/startKeyform';
import { freePort, repoRoot } from '../lib/startServer';

export interface FrontEndResult {
  buildMs: number;
  /** What the registration page loaded from /assets/, with raw and gzip (level 6) sizes. */
  assets: Array<{ file: string; bytes: number; gzipBytes: number }>;
  jsGzipBytes: number;
  cssGzipBytes: number;
  /** start link opened → success shown (the passkey is stored before the API answers), per run. */
  runsMs: number[];
  medianMs: number;
  /** Why the browser part did not run, when it did not. */
  browserError?: string;
}

/**
 * The production build (`npm run build:renderer`), the gzip size of what the registration page
 * actually loads (recorded in the browser), and the time from opening the seeded start link to
 * the success message in Chromium with a CDP virtual authenticator, against `npm start`'s server.
 */
export async function frontEndScenario(ctx: BenchContext, runs: number): Promise<FrontEndResult> {
  const began = performance.now();
  execFileSync('npm', ['run', '--silent', 'build:renderer'], { cwd: repoRoot, stdio: 'pipe' });
  const buildMs = performance.now() - began;
  const port = await freePort();
  const dataDir = await mkdtemp(join(ctx.tmpDir, 'front-end-'));
  const server = await startKeyform({
    dataDir,
    port,
    prefix: ctx.pinning.serverPrefix,
    publicUrl: `http://localhost:${port}`,
  });
  const startLink = /Register a passkey:\s+(\S+)/.exec(server.stdout())?.[1];
  const loaded = new Set<string>();
  const runsMs: number[] = [];
  let browserError: string | undefined;
  try {
    if (!startLink) throw new Error(`no start link in the server's output: ${server.stdout()}`);
    const browser = await launchChromium();
    try {
      for (let run = 0; run < runs; run++) {
        const page = await browser.newPage();
        page.on('response', (response) => {
          const path = new URL(response.url()).pathname;
          if (path.startsWith('/assets/')) loaded.add(path.slice('/assets/'.length));
        });
        await addVirtualAuthenticator(page);
        const started = performance.now();
        await page.goto(startLink);
        await page.getByLabel('User name').fill(`bench${run}`);
        await page.getByLabel('Display name').fill(`Bench Run ${run}`);
        await page.getByRole('button', { name: 'Submit for Registration' }).click();
        await page.getByText('Your passkey was registered successfully.').waitFor();
        runsMs.push(performance.now() - started);
        await page.close();
      }
    } finally {
      await browser.close();
    }
    await expectStoredPasskeys(server, runs);
  } catch (error) {
    browserError = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await server.stop();
  }
  const assets = [...loaded].sort().map((file) => {
    const bytes = readFileSync(join(repoRoot, 'dist/renderer/assets', file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });
  const total = (ext: string) =>
    assets.filter((a) => a.file.endsWith(ext)).reduce((sum, a) => sum + a.gzipBytes, 0);
  const sorted = [...runsMs].sort((a, b) => a - b);
  const result = {
    buildMs,
    assets,
    jsGzipBytes: total('.js'),
    cssGzipBytes: total('.css'),
    runsMs,
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    ...(browserError ? { browserError } : {}),
  };
  ctx.log(
    `  build ${(buildMs / 1000).toFixed(1)} s; page loads ${assets.map((a) => `${a.file} ${(a.gzipBytes / 1024).toFixed(1)} KiB gz`).join(', ')}\n` +
      `  start link → stored passkey: ${runsMs.map((ms) => ms.toFixed(0)).join(', ')} ms, median ${result.medianMs.toFixed(0)} ms` +
      (browserError ? `\n  BROWSER RUN FAILED: ${browserError}` : ''),
  );
  return result;
}

/** Every run's user exists with exactly one passkey: the page's success was not a fluke. */
async function expectStoredPasskeys(
  server: Awaited<ReturnType<typeof startKeyform>>,
  runs: number,
) {
  const get = async (path: string) => {
    const response = await fetch(`${server.baseUrl}${path}`, { headers: server.headers });
    return (await response.json()) as { items: Array<{ id: string; userKey: string }> };
  };
  const { items } = await get(`${server.paths.users}?size=200`);
  for (let run = 0; run < runs; run++) {
    const user = items.find((u) => u.userKey === `bench${run}`);
    const passkeys = user ? (await get(`${server.paths.users}/${user.id}/passkeys`)).items : [];
    if (passkeys.length !== 1) throw new Error(`run ${run}: expected 1 stored passkey`);
  }
}
