import { isoNow } from '../core/isoNow';
import type { UserScope } from '../storage/UserRecord';
import { checkUserFields } from './checkUserFields';
import { conflictError } from './createUser';
import { findUser } from './findUser';
import type { IdentityDeps } from './IdentityDeps';
import type { UserInput } from './UserInput';

/** Apply a partial update (JSON merge: a field set to null is cleared). */
export async function updateUser(
  deps: IdentityDeps,
  { tenantId, storeName, userId, patch }: UserScope & { userId: string; patch: UserInput },
) {
  const current = await findUser(deps, { tenantId, storeName, userId });
  checkUserFields(patch);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next = { ...current, ...defined, updatedAt: isoNow(deps) };
  const written = await deps.records.users.update(next);
  if (!written.ok) throw conflictError(written.conflict, next);
  return next;
}
