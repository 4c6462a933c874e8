import type { UserScope } from '../storage/UserRecord';
import { findIdentityStore } from './findIdentityStore';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';

/** A user by id or by externalId, inside one tenant's store; otherwise USER_NOT_FOUND. */
export async function findUser(
  deps: Pick<IdentityDeps, 'definitions' | 'records'>,
  { tenantId, storeName, userId, externalId }: UserScope & { userId?: string; externalId?: string },
) {
  findIdentityStore(deps, { tenantId, name: storeName });
  const scope = { tenantId, storeName };
  const user =
    userId !== undefined
      ? await deps.records.users.findById(scope, userId)
      : await deps.records.users.findByExternalId(scope, externalId ?? '');
  if (!user) throw new IdentityError('USER_NOT_FOUND', `user '${userId ?? externalId}' not found`);
  return user;
}
