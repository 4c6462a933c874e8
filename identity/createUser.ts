import { isoNow } from '../core/isoNow';
import { randomId } from '../core/randomId';
import type { UserRecord } from '../storage/UserRecord';
import { checkUserFields } from './checkUserFields';
import { findIdentityStore } from './findIdentityStore';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';
import type { UserInput } from './UserInput';

/** Add a user to a store; the externalId is generated when absent and unique per store. */
export async function createUser(
  deps: IdentityDeps,
  {
    tenantId,
    storeName,
    input,
  }: { tenantId: string; storeName: string; input: UserInput & { userKey: string } },
) {
  findIdentityStore(deps, { tenantId, name: storeName });
  checkUserFields(input);
  const now = isoNow(deps);
  const user: UserRecord = {
    id: randomId(deps),
    tenantId,
    storeName,
    userKey: input.userKey,
    externalId: input.externalId ?? randomId(deps),
    email: input.email ?? null,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    dateOfBirth: input.dateOfBirth ?? null,
    locale: input.locale ?? null,
    nationalities: input.nationalities ?? null,
    status: input.status ?? 'ACTIVE',
    timezone: input.timezone ?? null,
    type: input.type ?? null,
    attributes: input.attributes ?? null,
    createdAt: now,
    updatedAt: now,
  };
  const written = await deps.records.users.insert(user);
  if (!written.ok) throw conflictError(written.conflict, user);
  return user;
}

export function conflictError(
  conflict: 'externalId' | 'userKey',
  user: Pick<UserRecord, 'externalId' | 'userKey'>,
) {
  return conflict === 'externalId'
    ? new IdentityError(
        'EXT_ID_NOT_UNIQUE',
        `externalId '${user.externalId}' is already in use in this store`,
      )
    : new IdentityError(
        'USER_KEY_NOT_UNIQUE',
        `userKey '${user.userKey}' is already in use in this store`,
      );
}
