import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { KeyformServer } from '../lib/startKeyform';
import { repoRoot } from '../lib/startServer';

export interface ConsoleFirstScreenResult {
  /** What the console loaded from /console/assets/ from `/` to its signed-in start page. */
  assets: Array<{ file: string; bytes: number; gzipBytes: number }>;
  jsGzipBytes: number;
  browserError?: string;
}

/**
 * The console's first screen: open `/`, sign in on the sign-in page with the admin token, wait
 * for the start page; every /console/assets/ file the browser fetched on the way is counted
 * (sections load lazily, so none of theirs should be among them).
 */
export async function measureConsoleFirstScreen(
  server: KeyformServer,
  browser: Browser,
  /** The public URL: the console's sign-in must come from it (Origin check), not 127.0.0.1. */
  publicUrl: string,
): Promise<ConsoleFirstScreenResult> {
  const loaded = new Set<string>();
  let browserError: string | undefined;
  const page = await browser.newPage();
  try {
    const token = server.adminHeaders.authorization.replace(/^Bearer /, '');
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.startsWith('/console/assets/')) loaded.add(path.slice('/console/assets/'.length));
    });
    await page.goto(`${publicUrl}/`);
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('heading', { name: 'Welcome to the Keyform console' })
      .waitFor({ timeout: 10_000 });
  } catch (error) {
    const shown = await page
      .locator('body')
      .textContent()
      .catch(() => null);
    browserError = `${error instanceof Error ? error.message.split('\n')[0] : String(error)}; the page showed: ${(shown ?? '').slice(0, 300)}`;
  } finally {
    await page.close();
  }
  const assets = [...loaded].sort().map((file) => {
    const bytes = readFileSync(join(repoRoot, 'dist/console/assets', file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });
  const jsGzipBytes = assets
    .filter((a) => a.file.endsWith('.js'))
    .reduce((sum, a) => sum + a.gzipBytes, 0);
  return { assets, jsGzipBytes, ...(browserError ? { browserError } : {}) };
}
