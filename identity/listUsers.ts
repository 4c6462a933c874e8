import type { UserScope } from '../storage/UserRecord';
import { findIdentityStore } from './findIdentityStore';
import type { IdentityDeps } from './IdentityDeps';

export async function listUsers(
  deps: IdentityDeps,
  { tenantId, storeName, page = 0, size = 20 }: UserScope & { page?: number; size?: number },
) {
  findIdentityStore(deps, { tenantId, name: storeName });
  const { items, total } = await deps.records.users.list({ tenantId, storeName }, { page, size });
  return { items, page, size, total };
}
