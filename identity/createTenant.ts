import { isoNow } from '../core/isoNow';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';

/** Create tenant `id` with its `default` identity store. */
export async function createTenant(deps: IdentityDeps, { id }: { id: string }) {
  const createdAt = isoNow(deps);
  return deps.definitions.update((draft) => {
    if (draft.tenants.some((t) => t.id === id)) {
      throw new IdentityError('TENANT_EXISTS', `tenant '${id}' already exists`);
    }
    const tenant = { id, createdAt };
    draft.tenants.push(tenant);
    draft.stores.push({
      id: `${id}/default`,
      tenantId: id,
      name: 'default',
      displayName: 'Default',
      createdAt,
    });
    return tenant;
  });
}
