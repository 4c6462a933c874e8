/**
 * `npm run build:server`: api/server.ts compiled by esbuild into one ESM file,
 * dist/server/server.js, which `npm start` runs with plain node: no TypeScript loader at run
 * time, and one file to load instead of ~1,700 (most of the cold start under tsx). Every
 * dependency is bundled except better-sqlite3, which is native. Bundled code still finds the
 * files beside its sources (dist/renderer, pages/builtin, the mail templates, swagger-ui's
 * static files...) exactly where the TypeScript server finds them: see sourceLocations.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultOutdir = join(repoRoot, 'dist', 'server');

/**
 * Top of the bundle: a real `require`, for the node: builtins that bundled CommonJS requires, and
 * the helper that turns a path relative to the bundle into a directory.
 */
const banner = [
  "import { createRequire as __keyformCreateRequire } from 'node:module';",
  "import { fileURLToPath as __keyformFileURLToPath } from 'node:url';",
  'const require = __keyformCreateRequire(import.meta.url);',
  'const __keyformDirname = (url) => __keyformFileURLToPath(new URL(url, import.meta.url));',
].join('\n');

/** Build into `outdir` (dist/server by default); `entry` is the file to run with node. */
export async function buildServer({ outdir = defaultOutdir }: { outdir?: string } = {}) {
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: [{ in: 'api/server.ts', out: 'server' }],
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Function and class names as in the source (fastify and error messages show some).
    keepNames: true,
    metafile: true,
    logLevel: 'warning',
    banner: { js: banner },
    plugins: [nativeDriver(outdir), sourceLocations(outdir)],
  });
  // What isServerBuildStale compares against.
  await writeFile(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  return { entry: join(outdir, 'server.js') };
}

/** A path from `outdir` to `path`, as a relative URL. */
function relativeUrl(outdir: string, path: string) {
  return relative(outdir, path).split(sep).map(encodeURIComponent).join('/');
}

/**
 * better-sqlite3 (native) stays out of the bundle, imported by the path node resolves from the
 * importing source file, written relative to the bundle: the bundle then finds it wherever it is
 * built, as it finds every other file (see sourceLocations).
 */
function nativeDriver(outdir: string): Plugin {
  return {
    name: 'native-driver',
    setup(build) {
      build.onResolve({ filter: /^better-sqlite3$/ }, ({ path, importer }) => {
        const resolved = relative(outdir, createRequire(importer).resolve(path))
          .split(sep)
          .join('/');
        return { path: resolved.startsWith('../') ? resolved : `./${resolved}`, external: true };
      });
    },
  };
}

/**
 * Each bundled file keeps its own location: `import.meta.url` (in our code e.g. rendererRoutes,
 * builtinPages, loadBindingEmail, startCheckpointer) becomes the URL of the source file, and a
 * CommonJS dependency that uses `__dirname` (@fastify/swagger-ui's static files,
 * @fastify/swagger's package.json, pino's and thread-stream's worker files) gets its own
 * directory. Both are computed at run time from the bundle's URL, so they hold wherever the
 * repository is, as long as the build stays where it was built relative to the sources.
 */
function sourceLocations(outdir: string): Plugin {
  return {
    name: 'source-locations',
    setup(build) {
      build.onLoad({ filter: /\.(?:[cm]?js|tsx?)$/ }, async ({ path }) => {
        const text = await readFile(path, 'utf8');
        const dependency = path.split(sep).includes('node_modules');
        // A worker's own file would be left behind as TypeScript (eval workers, like the
        // checkpointer's, are bundled with the code that starts them).
        if (!dependency && /new Worker\(\s*new URL\(/.test(text)) {
          const file = relative(repoRoot, path);
          return { errors: [{ text: `${file} starts a worker from a file: build it too` }] };
        }
        const usesUrl = text.includes('import.meta.url');
        // Only CommonJS has a __dirname. This one is module-scoped (esbuild wraps each CommonJS
        // module in a function), so nothing in the module's own text changes; an ES module
        // declaring its own __dirname would fail the build, not the server.
        const usesDirname = dependency && text.includes('__dirname');
        if (!usesUrl && !usesDirname) return undefined;
        let contents = text;
        if (usesUrl) {
          const url = JSON.stringify(relativeUrl(outdir, path));
          contents = contents.replaceAll(
            /\bimport\.meta\.url\b/g,
            `new URL(${url}, import.meta.url).href`,
          );
        }
        if (usesDirname) {
          const url = JSON.stringify(`${relativeUrl(outdir, dirname(path))}/`);
          contents = `var __dirname = __keyformDirname(${url});\n${contents}`;
        }
        const extension = extname(path);
        return {
          contents,
          loader: extension === '.tsx' ? 'tsx' : extension === '.ts' ? 'ts' : 'js',
        };
      });
    },
  };
}

/** The build is missing, or one of its inputs (or this script) changed after it. */
export async function isServerBuildStale(outdir = defaultOutdir) {
  const built = await stat(join(outdir, 'server.js')).catch(() => undefined);
  const meta = await readFile(join(outdir, 'meta.json'), 'utf8').catch(() => undefined);
  if (!built || !meta) return true;
  const inputs = [
    ...Object.keys((JSON.parse(meta) as Metafile).inputs).map((input) => join(repoRoot, input)),
    fileURLToPath(import.meta.url),
    join(repoRoot, 'package-lock.json'),
  ];
  for (const input of inputs) {
    const changed = await stat(input).catch(() => undefined);
    if (!changed || changed.mtimeMs > built.mtimeMs) return true;
  }
  return false;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { entry } = await buildServer();
  process.stdout.write(`built ${relative(process.cwd(), entry)}\n`);
}
