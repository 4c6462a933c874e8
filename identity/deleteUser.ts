import type { UserScope } from '../storage/UserRecord';
import { findIdentityStore } from './findIdentityStore';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';

/** Delete a user together with their passkeys, in one transaction. */
export async function deleteUser(
  deps: IdentityDeps,
  { tenantId, storeName, userId }: UserScope & { userId: string },
) {
  findIdentityStore(deps, { tenantId, name: storeName });
  const deleted = await deps.records.transaction((r) =>
    r.users.delete({ tenantId, storeName }, userId),
  );
  if (!deleted) throw new IdentityError('USER_NOT_FOUND', `user '${userId}' not found`);
}
