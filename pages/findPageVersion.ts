import { listPageVersions } from './listPageVersions';
import { PageError } from './PageError';
import type { PagesDeps } from './PagesDeps';

/** Version `version` of page `name`, or the latest when `version` is absent. */
export function findPageVersion(
  deps: Pick<PagesDeps, 'pages'>,
  { tenantId, name, version }: { tenantId: string; name: string; version?: number | undefined },
) {
  const versions = listPageVersions(deps, { tenantId, name });
  if (versions.length === 0) throw new PageError('PAGE_NOT_FOUND', `page '${name}' not found`);
  const found =
    version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
  if (!found) {
    throw new PageError(
      'PAGE_VERSION_NOT_FOUND',
      `page '${name}' has no version ${version}; latest is ${versions.at(-1)?.version}`,
    );
  }
  return found;
}
