import { builtinPages } from './builtinPages';
import { findPageVersion } from './findPageVersion';
import { PageError } from './PageError';
import type { PagesDeps } from './PagesDeps';

/** The bytes and fixed Content-Type of one file of a page version. */
export async function readPageFile(
  deps: Pick<PagesDeps, 'pages' | 'blobs'>,
  {
    tenantId,
    name,
    version,
    path,
  }: { tenantId: string; name: string; version: number; path: string },
) {
  const found = findPageVersion(deps, { tenantId, name, version });
  const file = found.files.find((f) => f.path === path);
  if (!file) {
    throw new PageError(
      'PAGE_FILE_NOT_FOUND',
      `page '${name}' version ${version} has no file '${path.slice(0, 200)}'`,
    );
  }
  const bytes = found.builtin
    ? builtinPages.find((p) => p.name === name)?.files.find((f) => f.path === path)?.bytes
    : await deps.blobs.get(file.sha256);
  // A record without its blob means the data directory lost a file: say so, never serve junk.
  if (!bytes) {
    throw new PageError(
      'PAGE_FILE_NOT_FOUND',
      `the content of '${path.slice(0, 200)}' (sha256 ${file.sha256}) is missing from the data directory`,
    );
  }
  return { bytes, contentType: file.contentType, sha256: file.sha256 };
}
