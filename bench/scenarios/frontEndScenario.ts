import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { addVirtualAuthenticator } from '../../test/e2e/support/addVirtualAuthenticator';
import { launchChromium } from '../../test/e2e/support/launchChromium';
import type { BenchContext } from '../lib/BenchContext';
import { type KeyformServer, startKeyform } from '../lib/startKeyform';
import { freePort, repoRoot } from '../lib/startServer';
import {
  type ConsoleFirstScreenResult,
  measureConsoleFirstScreen,
} from './measureConsoleFirstScreen';

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
  /** bench/heavyForm.json, uploaded through the API and opened from its start link. */
  heavyForm: HeavyFormResult;
  /** The integrator console: `/` → signed in → its start page. */
  console?: ConsoleFirstScreenResult;
}

export interface HeavyFormResult {
  /** What its page loaded from /assets/; `initial` when dist/renderer/index.html names it. */
  assets: Array<{ file: string; bytes: number; gzipBytes: number; initial: boolean }>;
  initialJsGzipBytes: number;
  lazyJsGzipBytes: number;
  jsGzipBytes: number;
  /** start link opened → the first category's first field typed into, per run. */
  runsMs: number[];
  medianMs: number;
  browserError?: string;
}

/**
 * The production build (`npm run build:renderer`), the gzip size of what the registration page
 * actually loads (recorded in the browser), and the time from opening the seeded start link to
 * the success message in Chromium with a CDP virtual authenticator, against `npm start`'s server.
 * Then the same for a heavy form (bench/heavyForm.json): what its page loads, initial and lazy,
 * and start link → its first field typed into.
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
  let heavy: HeavyFormRuns | undefined;
  let consoleScreen: ConsoleFirstScreenResult | undefined;
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
      heavy = await openHeavyForm(server, browser, runs);
      consoleScreen = await measureConsoleFirstScreen(server, browser, `http://localhost:${port}`);
    } finally {
      await browser.close();
    }
    await expectStoredPasskeys(server, runs);
  } catch (error) {
    browserError = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await server.stop();
  }
  const assets = [...loaded].sort().map(measureAsset);
  const total = (ext: string) =>
    assets.filter((a) => a.file.endsWith(ext)).reduce((sum, a) => sum + a.gzipBytes, 0);
  const heavyForm = summarizeHeavyForm(
    heavy ?? { loaded: new Set(), runsMs: [], browserError: `not run: ${browserError}` },
  );
  const result = {
    buildMs,
    assets,
    jsGzipBytes: total('.js'),
    cssGzipBytes: total('.css'),
    runsMs,
    medianMs: median(runsMs),
    ...(browserError ? { browserError } : {}),
    heavyForm,
    ...(consoleScreen ? { console: consoleScreen } : {}),
  };
  const kib = (a: { file: string; gzipBytes: number }) =>
    `${a.file} ${(a.gzipBytes / 1024).toFixed(1)} KiB gz`;
  ctx.log(
    `  build ${(buildMs / 1000).toFixed(1)} s; page loads ${assets.map(kib).join(', ')}\n` +
      `  start link → stored passkey: ${runsMs.map((ms) => ms.toFixed(0)).join(', ')} ms, median ${result.medianMs.toFixed(0)} ms` +
      (browserError ? `\n  BROWSER RUN FAILED: ${browserError}` : '') +
      `\n  heavy form loads ${heavyForm.assets.map((a) => `${kib(a)}${a.initial ? '' : ' (lazy)'}`).join(', ')}\n` +
      `  start link → heavy form interactive: ${heavyForm.runsMs.map((ms) => ms.toFixed(0)).join(', ')} ms, median ${heavyForm.medianMs.toFixed(0)} ms` +
      (heavyForm.browserError ? `\n  HEAVY FORM RUN FAILED: ${heavyForm.browserError}` : '') +
      (consoleScreen
        ? `\n  console first screen loads ${consoleScreen.assets.map(kib).join(', ')}` +
          (consoleScreen.browserError
            ? `\n  CONSOLE RUN FAILED: ${consoleScreen.browserError}`
            : '')
        : ''),
  );
  return result;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function measureAsset(file: string) {
  const bytes = readFileSync(join(repoRoot, 'dist/renderer/assets', file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}

interface HeavyFormRuns {
  loaded: Set<string>;
  runsMs: number[];
  browserError?: string;
}

/**
 * Uploads bench/heavyForm.json as an integrator would (POST /api/forms/{name}/versions, a
 * process with one `customDataForm` node, a process token; as test/e2e/support/deployFormJourney
 * does, with the admin token), then opens its start link `runs` times, each in a fresh page, until
 * the first category's first field is visible, enabled and takes typing. Fails on its own: the
 * registration row stands either way.
 */
async function openHeavyForm(
  server: KeyformServer,
  browser: Browser,
  runs: number,
): Promise<HeavyFormRuns> {
  const loaded = new Set<string>();
  const runsMs: number[] = [];
  try {
    const api = async (path: string, body: unknown) => {
      const response = await fetch(`${server.baseUrl}${path}`, {
        method: 'POST',
        headers: server.adminHeaders,
        body: JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${text}`);
      return JSON.parse(text) as Record<string, unknown>;
    };
    const name = 'bench-heavy-form';
    const form = JSON.parse(readFileSync(join(repoRoot, 'bench/heavyForm.json'), 'utf8'));
    const { version } = await api(`/api/forms/${name}/versions`, form);
    await api(`/api/process-manager/processDefinitions/${name}/versions`, {
      definition: {
        name,
        start: 'start',
        nodes: {
          start: { type: 'start', next: 'form' },
          form: {
            type: 'customDataForm',
            inputs: { formName: name, formVersion: version, formDataKey: 'form' },
            next: 'end',
          },
          end: { type: 'end', inputs: { message: 'Thank you.' } },
        },
      },
    });
    const token = await api('/api/process-manager/processTokens', {
      name,
      processDefnName: name,
      type: 'UNLIMITED',
    });
    const startLink = token.startProcessAddress as string;
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      page.on('response', (response) => {
        const path = new URL(response.url()).pathname;
        if (path.startsWith('/assets/')) loaded.add(path.slice('/assets/'.length));
      });
      const firstField = page.getByLabel('First name');
      const started = performance.now();
      await page.goto(startLink);
      // fill() waits until the field is visible, enabled and editable, then types into it.
      await firstField.fill('Bench');
      runsMs.push(performance.now() - started);
      if ((await firstField.inputValue()) !== 'Bench') throw new Error(`run ${run}: not typed`);
      await page.close();
    }
    return { loaded, runsMs };
  } catch (error) {
    const browserError = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { loaded, runsMs, browserError };
  }
}

function summarizeHeavyForm({ loaded, runsMs, browserError }: HeavyFormRuns): HeavyFormResult {
  const html = readFileSync(join(repoRoot, 'dist/renderer/index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/\/assets\/([^"']+)/g)].map((m) => m[1]));
  const assets = [...loaded]
    .sort()
    .map((file) => ({ ...measureAsset(file), initial: initial.has(file) }));
  const js = (isInitial: boolean) =>
    assets
      .filter((a) => a.file.endsWith('.js') && a.initial === isInitial)
      .reduce((sum, a) => sum + a.gzipBytes, 0);
  return {
    assets,
    initialJsGzipBytes: js(true),
    lazyJsGzipBytes: js(false),
    jsGzipBytes: js(true) + js(false),
    runsMs,
    medianMs: median(runsMs),
    ...(browserError ? { browserError } : {}),
  };
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
