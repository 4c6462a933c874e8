import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The browser SDKs: every `renderer/sdk/<name>.ts` (besides this config and `*.d.ts`)
 * becomes a standalone ES module `dist/sdk/<name>.js`, served at `/sdk/<name>.js` with its
 * hand-written `<name>.d.ts` beside it.
 */
const entries = Object.fromEntries(
  readdirSync(here('.'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'vite.config.ts')
    .map((f) => [f.replace(/\.ts$/, ''), here(f)]),
);

export default defineConfig({
  build: {
    outDir: here('../../dist/sdk'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
  },
});
