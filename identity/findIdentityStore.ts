import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';

/** The tenant's store `name`; another tenant's store is as unknown as a missing one (404). */
export function findIdentityStore(
  deps: Pick<IdentityDeps, 'definitions'>,
  { tenantId, name }: { tenantId: string; name: string },
) {
  const store = deps.definitions
    .read()
    .stores.find((s) => s.tenantId === tenantId && s.name === name);
  if (!store) throw new IdentityError('STORE_NOT_FOUND', `identity store '${name}' not found`);
  return store;
}

export function listIdentityStores(deps: Pick<IdentityDeps, 'definitions'>, tenantId: string) {
  return deps.definitions.read().stores.filter((s) => s.tenantId === tenantId);
}
