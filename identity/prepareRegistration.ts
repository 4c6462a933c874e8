import type { RegistrationPolicy, RelyingPartyRecord } from '../storage/IdentityDefinitions';
import type { NewUserIntent } from '../storage/RegistrationSessionRecord';
import type { UserRecord } from '../storage/UserRecord';
import { checkUserHandle } from './checkUserHandle';
import { findIdentityStore } from './findIdentityStore';
import { findRegistrationPolicy } from './findRelyingParty';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError, invalidField } from './IdentityError';
import type { RegistrationSubject } from './RegistrationSubject';
import type { RegistrationStart, StartRegistrationInput } from './StartRegistrationInput';

/** What a registration start found to be in order, for the writes that follow. */
export interface PreparedRegistration {
  rp: RelyingPartyRecord;
  policy: RegistrationPolicy;
  /** The existing user; absent when a `createUser` start creates one on completion. */
  user?: UserRecord;
  /** The user a `createUser` start creates on completion (its display name comes later). */
  newUser?: Omit<NewUserIntent, 'displayName'>;
  /** The handle the user already has for this RP, when one was kept. */
  keptUserHandle?: string;
}

/**
 * Every check a registration start makes before it writes — store, relying party and policy,
 * the subject, the input — throwing the IdentityError start would throw and writing nothing.
 * A flow calls it to refuse a misconfigured node before it issues a session.
 */
export async function prepareRegistration(
  deps: IdentityDeps,
  start: RegistrationStart,
): Promise<PreparedRegistration> {
  const { tenantId, storeName, rpId, policyName, subject, input = {} } = start;
  findIdentityStore(deps, { tenantId, name: storeName });
  const { rp, policy } = findRegistrationPolicy(deps, { tenantId, rpId, policyName });
  const { user, newUser } = await resolveSubject(deps, { tenantId, storeName, subject, input });
  const keptUserHandle = user
    ? await deps.records.passkeys.findUserHandle({ tenantId, userId: user.id, rpId })
    : undefined;
  checkUserHandle(input.userHandle, keptUserHandle);
  return { rp, policy, user, newUser, keptUserHandle };
}

async function resolveSubject(
  deps: IdentityDeps,
  {
    tenantId,
    storeName,
    subject,
    input,
  }: {
    tenantId: string;
    storeName: string;
    subject: RegistrationSubject;
    input: StartRegistrationInput;
  },
): Promise<Pick<PreparedRegistration, 'user' | 'newUser'>> {
  const scope = { tenantId, storeName };
  if ('userId' in subject) {
    if (input.createUser)
      throw invalidField('/createUser', 'only allowed when starting by externalId');
    const user = await deps.records.users.findById(scope, subject.userId);
    if (!user) throw new IdentityError('USER_NOT_FOUND', `user '${subject.userId}' not found`);
    return { user };
  }
  const user = await deps.records.users.findByExternalId(scope, subject.externalId);
  if (user && input.createUser) {
    throw new IdentityError(
      'EXT_ID_NOT_UNIQUE',
      `externalId '${subject.externalId}' already exists`,
    );
  }
  if (user) return { user };
  if (!input.createUser) {
    throw new IdentityError('USER_NOT_FOUND', `no user with externalId '${subject.externalId}'`);
  }
  // Nothing is written now: the user is created only when the registration completes.
  return {
    newUser: { externalId: subject.externalId, userKey: input.userName ?? subject.externalId },
  };
}
