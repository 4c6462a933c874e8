import type { RegistrationSubject } from '../../../identity/RegistrationSubject';
import { usersOf } from '../contextPaths';
import type { ActivityContext } from './Activity';
import { str } from './inputOf';

/**
 * The user a passkey start node names by `userId`, `userExternalId` or `userKey` (a user this
 * journey added, else the store's user with that key). `undefined`: it names none;
 * `{ missing: userKey }`: its userKey is no user.
 */
export async function findNodeSubject({
  inputs,
  instance,
  deps,
}: Pick<ActivityContext, 'inputs' | 'instance' | 'deps'>): Promise<
  RegistrationSubject | { missing: string } | undefined
> {
  const userId = str(inputs.userId);
  if (userId) return { userId };
  const externalId = str(inputs.userExternalId);
  if (externalId) return { externalId };
  const userKey = str(inputs.userKey);
  if (!userKey) return undefined;
  const added = usersOf(instance.context)[userKey];
  const addedId = added && typeof added === 'object' && 'id' in added ? added.id : undefined;
  if (typeof addedId === 'string' && addedId) return { userId: addedId };
  const scope = { tenantId: instance.tenantId, storeName: str(inputs.storeName) ?? 'default' };
  const stored = await deps.records.users.findByUserKey(scope, userKey);
  return stored ? { userId: stored.id } : { missing: userKey };
}
