import { generateRegistrationOptions } from '@simplewebauthn/server';
import { isoNow } from '../core/isoNow';
import { randomId } from '../core/randomId';
import type {
  NewUserIntent,
  RegistrationSessionRecord,
} from '../storage/RegistrationSessionRecord';
import type { UserRecord } from '../storage/UserRecord';
import { findIdentityStore } from './findIdentityStore';
import { findRegistrationPolicy } from './findRelyingParty';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError, invalidField } from './IdentityError';
import { toSessionView } from './toSessionView';

export interface StartRegistrationInput {
  userName?: string;
  userDisplayName?: string;
  userHandle?: string;
  createUser?: boolean;
}

/** Which user: an existing one by id, or by externalId (optionally created on completion). */
export type RegistrationSubject = { userId: string } | { externalId: string };

/**
 * Start a passkey registration: issue WebAuthn creation options under the RP's policy and
 * keep the challenge in a single-use session that expires after `timeoutSeconds`.
 */
export async function startPasskeyRegistration(
  deps: IdentityDeps,
  {
    tenantId,
    storeName,
    rpId,
    policyName,
    subject,
    input = {},
  }: {
    tenantId: string;
    storeName: string;
    rpId: string;
    policyName: string;
    subject: RegistrationSubject;
    input?: StartRegistrationInput;
  },
) {
  findIdentityStore(deps, { tenantId, name: storeName });
  const { rp, policy } = findRegistrationPolicy(deps, { tenantId, rpId, policyName });
  const { user, newUser } = await resolveSubject(deps, { tenantId, storeName, subject, input });
  const userHandle = await chooseUserHandle(deps, {
    tenantId,
    rpId,
    user,
    given: input.userHandle,
  });

  const existing =
    user && policy.excludeExistingCredentials
      ? (await deps.records.passkeys.listForUser({ tenantId, userId: user.id })).filter(
          (p) => p.rpId === rpId,
        )
      : [];
  const userName = input.userName ?? user?.userKey ?? newUser?.userKey ?? '';
  const clientRequest = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.rpId,
    userName,
    userID: Buffer.from(userHandle, 'base64url'),
    userDisplayName: input.userDisplayName ?? displayNameOf(user) ?? userName,
    timeout: policy.timeoutSeconds * 1000,
    attestationType: policy.attestation === 'indirect' ? 'direct' : policy.attestation,
    excludeCredentials: existing.map((p) => ({
      id: p.credentialId,
      transports: p.transports as AuthenticatorTransport[],
    })),
    authenticatorSelection: {
      residentKey: policy.residentKey,
      userVerification: policy.userVerification,
      ...(policy.authenticatorAttachment
        ? { authenticatorAttachment: policy.authenticatorAttachment }
        : {}),
    },
    supportedAlgorithmIDs: policy.supportedAlgorithms,
  });

  const now = deps.now();
  const session: RegistrationSessionRecord = {
    id: randomId(deps),
    tenantId,
    storeName,
    rpId,
    policyName,
    userId: user?.id ?? null,
    newUser: newUser ? { ...newUser, displayName: input.userDisplayName ?? userName } : null,
    userHandle,
    challenge: clientRequest.challenge,
    clientRequest,
    state: 'PENDING',
    attempts: 0,
    expiresAt: now + policy.timeoutSeconds * 1000,
    createdAt: isoNow(deps),
    updatedAt: isoNow(deps),
    responseHash: null,
    result: null,
    failureCode: null,
  };
  await deps.records.sessions.insert(session);
  return toSessionView(session, now);
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
): Promise<{ user?: UserRecord; newUser?: Omit<NewUserIntent, 'displayName'> }> {
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

async function chooseUserHandle(
  deps: IdentityDeps,
  {
    tenantId,
    rpId,
    user,
    given,
  }: { tenantId: string; rpId: string; user?: UserRecord; given?: string },
) {
  if (given !== undefined) {
    const bytes = Buffer.from(given, 'base64url');
    // Round-tripping rejects characters outside base64url that Buffer would silently skip.
    if (bytes.length === 0 || bytes.length > 64 || bytes.toString('base64url') !== given) {
      throw invalidField(
        '/userHandle',
        'expected 1 to 64 bytes, base64url-encoded without padding',
      );
    }
  }
  if (!user) return given ?? deps.randomBytes(32).toString('base64url');
  const key = { tenantId, userId: user.id, rpId };
  // Kept at the first start, not the first completion, so every start for this user and RP
  // issues the same handle; when two first starts race, the first writer wins.
  let kept = await deps.records.passkeys.findUserHandle(key);
  if (kept === undefined) {
    const chosen = given ?? deps.randomBytes(32).toString('base64url');
    await deps.records.passkeys.saveUserHandle(key, chosen);
    kept = (await deps.records.passkeys.findUserHandle(key)) ?? chosen;
  }
  if (given !== undefined && given !== kept) {
    throw invalidField('/userHandle', 'differs from the handle this user already has for this RP');
  }
  return kept;
}

function displayNameOf(user?: UserRecord) {
  if (!user) return undefined;
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return name || undefined;
}
