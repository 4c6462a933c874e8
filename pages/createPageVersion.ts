import { builtinPages } from './builtinPages';
import { hashPageBundle } from './hashPageBundle';
import { PageError } from './PageError';
import type { PagesDeps } from './PagesDeps';
import { type PageFileInput, validatePageBundle } from './validatePageBundle';

const MAX_VERSIONS = 100_000;

/**
 * Validate an uploaded bundle and store it as the next immutable version of page `name`:
 * the blobs first (content-addressed, so a file already stored is not written again), then
 * the version record, so a version never names a blob that is not on disk.
 */
export async function createPageVersion(
  deps: Pick<PagesDeps, 'pages' | 'blobs' | 'now'>,
  { tenantId, name, files }: { tenantId: string; name: string; files: PageFileInput[] },
) {
  const checked = validatePageBundle({ files });
  if (!checked.ok) throw checked.error;
  for (const file of checked.files) await deps.blobs.put(file.bytes);
  const records = checked.files.map(({ path, sha256, size, contentType }) => ({
    path,
    sha256,
    size,
    contentType,
  }));
  const sha256 = hashPageBundle({ files: records });
  const createdAt = new Date(deps.now()).toISOString();
  return deps.pages.update((draft) => {
    // Computed inside the serialised update, so two concurrent uploads get two versions.
    const stored = draft.versions.filter((v) => v.tenantId === tenantId && v.name === name);
    const base = builtinPages.some((p) => p.name === name) ? 1 : 0;
    const version = Math.max(base, ...stored.map((v) => v.version)) + 1;
    if (version > MAX_VERSIONS) {
      throw new PageError('PAGE_INVALID', `page '${name}' has ${MAX_VERSIONS} versions already`);
    }
    draft.versions.push({ tenantId, name, version, files: records, sha256, createdAt });
    return { name, version, sha256, createdAt, files: records };
  });
}
