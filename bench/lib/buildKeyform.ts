import { join } from 'node:path';
import { build } from 'esbuild';
import { buildServer, isServerBuildStale } from '../../scripts/buildServer';
import { repoRoot, statsPreload } from './startServer';

/** What `npm start` runs (after `npm run build:server`). */
export const keyformEntry = 'dist/server/server.js';

let built: Promise<string> | undefined;

/**
 * Once per bench run: `npm run build:server`'s build when dist/server is missing or older than
 * any of its sources, and the stats preload compiled to plain JS, so that neither the server
 * nor the preload pays for a TypeScript loader that production does not have. Says what it did.
 */
export function buildKeyform() {
  built ??= (async () => {
    const stale = await isServerBuildStale();
    if (stale) await buildServer();
    await build({
      entryPoints: [join(repoRoot, 'bench/serverStats.ts')],
      outfile: join(repoRoot, statsPreload),
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
    return `${keyformEntry} ${stale ? 'built' : 'up to date'}; ${statsPreload} built`;
  })();
  return built;
}
