import { createHash } from 'node:crypto';

/**
 * A bundle's sha256: over `sha256sum`-style lines (`<file sha256>  <path>\n`) in path order,
 * so the same files give the same hash however they were uploaded (zip, multipart or JSON).
 */
export function hashPageBundle({
  files,
}: {
  files: ReadonlyArray<{ path: string; sha256: string }>;
}) {
  const lines = [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join('');
  return createHash('sha256').update(lines).digest('hex');
}
