import type { UserScope } from '../storage/UserRecord';
import { findUser } from './findUser';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';
import { toPasskeyView } from './toPasskeyView';

/** One passkey of one user; another user's (or tenant's) passkey is PASSKEY_NOT_FOUND too. */
export async function getPasskey(
  deps: IdentityDeps,
  { tenantId, storeName, userId, passkeyId }: UserScope & { userId: string; passkeyId: string },
) {
  const user = await findUser(deps, { tenantId, storeName, userId });
  const passkey = await deps.records.passkeys.findForUser({
    tenantId,
    userId: user.id,
    id: passkeyId,
  });
  if (!passkey) throw new IdentityError('PASSKEY_NOT_FOUND', `passkey '${passkeyId}' not found`);
  return toPasskeyView(passkey, deps.passkeyProviders);
}
