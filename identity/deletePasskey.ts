import type { UserScope } from '../storage/UserRecord';
import { findUser } from './findUser';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';

export async function deletePasskey(
  deps: IdentityDeps,
  { tenantId, storeName, userId, passkeyId }: UserScope & { userId: string; passkeyId: string },
) {
  const user = await findUser(deps, { tenantId, storeName, userId });
  const deleted = await deps.records.passkeys.delete({ tenantId, userId: user.id, id: passkeyId });
  if (!deleted) throw new IdentityError('PASSKEY_NOT_FOUND', `passkey '${passkeyId}' not found`);
}
