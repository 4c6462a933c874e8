import { createUser } from '../createUser';
import type { IdentityDeps } from '../IdentityDeps';
import type { IdentityInput } from './IdentityInput';
import { toIdentityView } from './toIdentityView';
import { toUserInput } from './toUserInput';

/** Create a Beyond Identity identity: a native user of store `realm`, seen through the BI view. */
export async function createIdentity(
  deps: IdentityDeps,
  {
    tenantId,
    storeName,
    input,
  }: {
    tenantId: string;
    storeName: string;
    input: IdentityInput & { traits: { username: string } };
  },
) {
  const user = await createUser(deps, {
    tenantId,
    storeName,
    input: { ...toUserInput(input), userKey: input.traits.username },
  });
  return toIdentityView(user);
}
