import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPageBundle } from './hashPageBundle';
import { type PageFile, validatePageBundle } from './validatePageBundle';

export type BuiltinPage = { name: string; files: ReadonlyArray<PageFile>; sha256: string };

const root = fileURLToPath(new URL('./builtin/', import.meta.url));

/**
 * Pages shipped with Keyform (each folder in `pages/builtin/`), read and validated with the
 * same rules as uploads when this module loads; served from memory, version 1 in every tenant.
 */
export const builtinPages: ReadonlyArray<BuiltinPage> = Object.freeze(
  readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => loadBuiltin(entry.name)),
);

function loadBuiltin(name: string): BuiltinPage {
  const dir = join(root, name);
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  const result = validatePageBundle({
    files: paths.map((path) => ({ path, bytes: new Uint8Array(readFileSync(join(dir, path))) })),
  });
  // A broken built-in is a packaging bug: fail at startup, not on the first user request.
  if (!result.ok) {
    throw new Error(`built-in page "${name}" is invalid: ${result.error.message}`, {
      cause: result.error,
    });
  }
  return { name, files: result.files, sha256: hashPageBundle({ files: result.files }) };
}
