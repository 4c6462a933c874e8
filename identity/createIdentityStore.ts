import { isoNow } from '../core/isoNow';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';

export async function createIdentityStore(
  deps: IdentityDeps,
  {
    tenantId,
    name,
    displayName = null,
  }: { tenantId: string; name: string; displayName?: string | null },
) {
  const record = {
    id: `${tenantId}/${name}`,
    tenantId,
    name,
    displayName,
    createdAt: isoNow(deps),
  };
  return deps.definitions.update((draft) => {
    if (draft.stores.some((s) => s.tenantId === tenantId && s.name === name)) {
      throw new IdentityError('STORE_EXISTS', `identity store '${name}' already exists`);
    }
    draft.stores.push(record);
    return record;
  });
}
