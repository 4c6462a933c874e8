import { findUser } from '../findUser';
import type { IdentityDeps } from '../IdentityDeps';
import { updateUser } from '../updateUser';
import type { IdentityInput } from './IdentityInput';
import { toIdentityView } from './toIdentityView';
import { toUserInput } from './toUserInput';

/** Patch an identity: the fields given replace the user's; a trait set to null is cleared. */
export async function updateIdentity(
  deps: IdentityDeps,
  {
    tenantId,
    storeName,
    userId,
    input,
  }: { tenantId: string; storeName: string; userId: string; input: IdentityInput },
) {
  const current = await findUser(deps, { tenantId, storeName, userId });
  const user = await updateUser(deps, {
    tenantId,
    storeName,
    userId,
    patch: toUserInput(input, current),
  });
  return toIdentityView(user);
}
