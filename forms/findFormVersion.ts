import { FormError } from './FormError';
import type { FormsDeps } from './FormsDeps';
import { listFormVersions } from './listFormVersions';

/** Version `version` of form `name`, or the latest when `version` is absent. */
export function findFormVersion(
  deps: Pick<FormsDeps, 'forms'>,
  { tenantId, name, version }: { tenantId: string; name: string; version?: number },
) {
  const versions = listFormVersions(deps, { tenantId, name });
  if (versions.length === 0) throw new FormError('FORM_NOT_FOUND', `form '${name}' not found`);
  const found =
    version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
  if (!found) {
    throw new FormError(
      'FORM_VERSION_NOT_FOUND',
      `form '${name}' has no version ${version}; latest is ${versions.at(-1)?.version}`,
    );
  }
  return found;
}
