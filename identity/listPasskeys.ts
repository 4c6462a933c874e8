import type { UserScope } from '../storage/UserRecord';
import { findUser } from './findUser';
import type { IdentityDeps } from './IdentityDeps';

/** A user's passkeys, without their public keys (those never leave the server). */
export async function listPasskeys(
  deps: IdentityDeps,
  { tenantId, storeName, userId }: UserScope & { userId: string },
) {
  const user = await findUser(deps, { tenantId, storeName, userId });
  const passkeys = await deps.records.passkeys.listForUser({ tenantId, userId: user.id });
  return passkeys.map(({ publicKey: _secretish, ...rest }) => rest);
}
