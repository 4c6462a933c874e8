import type { PageFileRecord } from '../storage/PageDefinitions';
import { builtinPages } from './builtinPages';
import type { PagesDeps } from './PagesDeps';

export interface PageVersion {
  name: string;
  version: number;
  files: PageFileRecord[];
  sha256: string;
  createdAt: string;
  builtin: boolean;
}

const builtinEpoch = '1970-01-01T00:00:00.000Z';

/**
 * Every version of page `name` in the tenant, oldest first. A built-in page is version 1 in
 * every tenant; uploads under its name continue from 2.
 */
export function listPageVersions(
  deps: Pick<PagesDeps, 'pages'>,
  { tenantId, name }: { tenantId: string; name: string },
): PageVersion[] {
  const stored = deps.pages
    .read()
    .versions.filter((v) => v.tenantId === tenantId && v.name === name)
    .map((v) => ({ ...v, builtin: false }));
  const builtin = builtinPages.find((p) => p.name === name);
  if (!builtin) return stored.map(({ tenantId: _, ...v }) => v);
  const first: PageVersion = {
    name,
    version: 1,
    files: builtin.files.map(({ path, sha256, size, contentType }) => ({
      path,
      sha256,
      size,
      contentType,
    })),
    sha256: builtin.sha256,
    createdAt: builtinEpoch,
    builtin: true,
  };
  return [first, ...stored.map(({ tenantId: _, ...v }) => v)];
}
