import type { UserScope } from '../storage/UserRecord';
import { findUser } from './findUser';
import type { IdentityDeps } from './IdentityDeps';
import { toPasskeyView } from './toPasskeyView';

/** A user's passkeys, oldest first, each as toPasskeyView shows it. */
export async function listPasskeys(
  deps: IdentityDeps,
  { tenantId, storeName, userId }: UserScope & { userId: string },
) {
  const user = await findUser(deps, { tenantId, storeName, userId });
  const passkeys = await deps.records.passkeys.listForUser({ tenantId, userId: user.id });
  return passkeys.map((passkey) => toPasskeyView(passkey, deps.passkeyProviders));
}
