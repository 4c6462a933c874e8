import { IdentityError } from '../../../identity/IdentityError';
import type { RegistrationSubject } from '../../../identity/RegistrationSubject';
import { usersOf } from '../contextPaths';
import { registrationsOf } from '../registrations/registrationsOf';
import type { ActivityContext, AutomaticActivity } from './Activity';
import { chooseDefaultRelyingParty } from './chooseDefaultRelyingParty';
import { bool, failureOf, str } from './inputOf';
import { newExternalId } from './newExternalId';

/**
 * Request a passkey registration: check it as a start would (so a misconfigured store, relying
 * party, policy or user stops here) and record it; the session is issued later, when its
 * options can be final (registrationsOf). A `relyingPartyId` that resolves to nothing means the
 * tenant's default relying party.
 */
export const startPasskeyRegistrationActivity: AutomaticActivity = {
  kind: 'automatic',
  async run({ deps, instance, inputs }) {
    const key = str(inputs.registrationKey) ?? 'passkeyReg1';
    const createUser = bool(inputs.createUser) ?? false;
    const named = str(inputs.relyingPartyId);
    const rp = named
      ? { ok: true as const, rpId: named }
      : chooseDefaultRelyingParty(deps, { tenantId: instance.tenantId });
    if (!rp.ok) {
      const failure = {
        code: 'RELYING_PARTY_NOT_FOUND',
        message: rp.message,
        input: 'relyingPartyId',
      };
      return { event: 'failedIdStoreCall', failure: { ...failure, registrationKey: key } };
    }
    try {
      const userName = str(inputs.userName);
      const userDisplayName = str(inputs.userDisplayName);
      const userHandle = str(inputs.userHandle);
      await registrationsOf(deps, instance).request(key, {
        storeName: str(inputs.storeName) ?? 'default',
        rpId: rp.rpId,
        policyName: str(inputs.registrationPolicy) ?? 'default',
        subject: await subjectOf({ inputs, instance, createUser, deps }),
        createUser,
        ...(userName ? { userName } : {}),
        ...(userDisplayName ? { userDisplayName } : {}),
        ...(userHandle ? { userHandle } : {}),
      });
      return {};
    } catch (error) {
      return { event: 'failedIdStoreCall', failure: failureOf(error, key) };
    }
  },
};

async function subjectOf({
  inputs,
  instance,
  createUser,
  deps,
}: {
  inputs: Record<string, unknown>;
  instance: ActivityContext['instance'];
  createUser: boolean;
  deps: ActivityContext['deps'];
}): Promise<RegistrationSubject> {
  const userId = str(inputs.userId);
  if (userId) return { userId };
  const externalId = str(inputs.userExternalId);
  if (externalId) return { externalId };
  const userKey = str(inputs.userKey);
  if (userKey) {
    // A user this journey added, else the store's user with that key.
    const added = usersOf(instance.context)[userKey];
    const addedId = added && typeof added === 'object' && 'id' in added ? added.id : undefined;
    if (typeof addedId === 'string' && addedId) return { userId: addedId };
    const scope = { tenantId: instance.tenantId, storeName: str(inputs.storeName) ?? 'default' };
    const stored = await deps.records.users.findByUserKey(scope, userKey);
    if (stored) return { userId: stored.id };
  }
  // A journey that creates its user needs an externalId before the user exists.
  if (createUser) return { externalId: newExternalId(deps) };
  throw new IdentityError(
    'USER_NOT_FOUND',
    `no user to register for (userKey '${userKey ?? ''}' not found)`,
  );
}
