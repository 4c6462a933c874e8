import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The server serves dist/renderer/index.html for /start/:token and /flow/:id and the
// hashed files under /assets/*, so every URL in index.html must be absolute from `/`.
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    // @jsonforms/core imports lodash per function in CommonJS, which the bundle cannot
    // tree-shake, and lodash/fp, whose conversion layer pulls in most of lodash: the ES module
    // build of the same functions, and two small stand-ins for the two fp calls, keep the
    // registration page ~9 kB gzip lighter (bench/README.md, front end).
    alias: [
      { find: /^lodash\/fp\/set$/, replacement: here('forms/lodashFp/setFp.ts') },
      { find: /^lodash\/fp\/unset$/, replacement: here('forms/lodashFp/unsetFp.ts') },
      { find: /^lodash\/(?!fp\/)(.*)$/, replacement: 'lodash-es/$1.js' },
    ],
  },
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
  },
  server: { strictPort: false },
});
