import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The integrator console: its own entry and bundle, so the end user's renderer does not grow.
// The server serves dist/console/index.html for / and /console/*, and the hashed files under
// /console/assets/*. Sections are lazily loaded chunks (console/sections/sections.ts).
export default defineConfig({
  root: here('.'),
  base: '/console/',
  plugins: [react()],
  resolve: {
    // The same lodash aliases as the renderer: the form preview runs the renderer's own components.
    alias: [
      { find: /^lodash\/fp\/set$/, replacement: here('../renderer/forms/lodashFp/setFp.ts') },
      { find: /^lodash\/fp\/unset$/, replacement: here('../renderer/forms/lodashFp/unsetFp.ts') },
      { find: /^lodash\/(?!fp\/)(.*)$/, replacement: 'lodash-es/$1.js' },
    ],
  },
  build: {
    outDir: here('../dist/console'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
  },
  server: { strictPort: false },
});
