import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
// `.js`, which tsc resolves to the .ts: vite's config loader warns about an extensionless import.
import { bundleDeclarations } from '../../scripts/bundleDeclarations.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The browser SDKs: every `renderer/sdk/<name>.ts` (besides this config) becomes a standalone
 * ES module `dist/sdk/<name>.js`, served at `/sdk/<name>.js`, and, when it is a module, its
 * declarations `dist/sdk/<name>.d.ts`, generated from the sources and served at `/sdk/<name>.d.ts`.
 */
const entries = Object.fromEntries(
  readdirSync(here('.'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'vite.config.ts')
    .map((f) => [f.replace(/\.ts$/, ''), here(f)]),
);

/** Writes each entry's bundled declarations beside its built JavaScript. */
const declarations: Plugin = {
  name: 'keyform-sdk-declarations',
  generateBundle() {
    for (const [entry, source] of bundleDeclarations(Object.values(entries))) {
      this.emitFile({ type: 'asset', fileName: `${basename(entry, '.ts')}.d.ts`, source });
    }
  },
};

export default defineConfig({
  plugins: [declarations],
  build: {
    outDir: here('../../dist/sdk'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
  },
});
