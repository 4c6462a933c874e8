import { IdentityError } from '../../../identity/IdentityError';
import type { RegistrationSubject } from '../../../identity/RegistrationSubject';
import { registrationsOf } from '../registrations/registrationsOf';
import type { ActivityContext, AutomaticActivity } from './Activity';
import { findNodeSubject } from './findNodeSubject';
import { bool, failureOf, str } from './inputOf';
import { newExternalId } from './newExternalId';
import { resolveRelyingParty } from './resolveRelyingParty';

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
    const rp = resolveRelyingParty({ deps, instance, inputs }, key);
    if ('leave' in rp) return rp.leave;
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
}: Pick<ActivityContext, 'inputs' | 'instance' | 'deps'> & {
  createUser: boolean;
}): Promise<RegistrationSubject> {
  const found = await findNodeSubject({ inputs, instance, deps });
  if (found && !('missing' in found)) return found;
  // A journey that creates its user needs an externalId before the user exists.
  if (createUser) return { externalId: newExternalId(deps) };
  throw new IdentityError(
    'USER_NOT_FOUND',
    `no user to register for (userKey '${found?.missing ?? ''}' not found)`,
  );
}
