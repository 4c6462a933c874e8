import { registrationRecord, usersOf } from '../contextPaths';
import type { ActivityContext, AutomaticActivity } from './Activity';
import { chooseDefaultRelyingParty } from './chooseDefaultRelyingParty';
import { bool, failureOf, str } from './inputOf';
import { issueRegistration, newExternalId, type RegistrationRequest } from './issueRegistration';

/**
 * Start a passkey registration and publish its options at TrustX's context path. A
 * `relyingPartyId` that resolves to nothing means the tenant's default relying party.
 */
export const startPasskeyRegistrationActivity: AutomaticActivity = {
  kind: 'automatic',
  async run({ deps, instance, inputs }) {
    const key = str(inputs.registrationKey) ?? 'passkeyReg1';
    const record = registrationRecord(instance.context, key);
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
      const request: RegistrationRequest = {
        storeName: str(inputs.storeName) ?? 'default',
        rpId: rp.rpId,
        policyName: str(inputs.registrationPolicy) ?? 'default',
        subject: await subjectOf({ inputs, instance, createUser, deps }),
        createUser,
        ...(str(inputs.userName) ? { userName: str(inputs.userName) } : {}),
        ...(str(inputs.userDisplayName) ? { userDisplayName: str(inputs.userDisplayName) } : {}),
        ...(str(inputs.userHandle) ? { userHandle: str(inputs.userHandle) } : {}),
      };
      record.request = request;
      const started = await issueRegistration(deps, { tenantId: instance.tenantId, request });
      record.startPasskeyRegistrationResponse = started;
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
}) {
  const userId = str(inputs.userId);
  if (userId) return { userId };
  const externalId = str(inputs.userExternalId);
  if (externalId) return { externalId };
  const userKey = str(inputs.userKey);
  if (userKey) {
    // A user this journey added, else the store's user with that key.
    const added = usersOf(instance.context)[userKey] as { id?: string } | undefined;
    if (added?.id) return { userId: added.id };
    const scope = { tenantId: instance.tenantId, storeName: str(inputs.storeName) ?? 'default' };
    const stored = await deps.records.users.findByUserKey(scope, userKey);
    if (stored) return { userId: stored.id };
  }
  // A journey that creates its user needs an externalId before the user exists.
  if (createUser) return { externalId: newExternalId(deps) };
  throw Object.assign(new Error(`no user to register for (userKey '${userKey ?? ''}' not found)`), {
    code: 'USER_NOT_FOUND',
  });
}
