import { generateRegistrationOptions } from '@simplewebauthn/server';
import { isoNow } from '../core/isoNow';
import { randomId } from '../core/randomId';
import type { RegistrationSessionRecord } from '../storage/RegistrationSessionRecord';
import type { UserRecord } from '../storage/UserRecord';
import { checkUserHandle } from './checkUserHandle';
import { displayNameOf } from './displayNameOf';
import type { IdentityDeps } from './IdentityDeps';
import { prepareRegistration } from './prepareRegistration';
import type { RegistrationStart } from './StartRegistrationInput';
import { toRegistrationSessionView } from './toRegistrationSessionView';

export type { RegistrationSubject } from './RegistrationSubject';
export type { RegistrationStart, StartRegistrationInput } from './StartRegistrationInput';

/**
 * Start a passkey registration: issue WebAuthn creation options under the RP's policy and
 * keep the challenge in a single-use session that expires after `timeoutSeconds`.
 */
export async function startPasskeyRegistration(deps: IdentityDeps, start: RegistrationStart) {
  const { rp, policy, user, newUser, keptUserHandle } = await prepareRegistration(deps, start);
  const { tenantId, storeName, rpId, policyName, input = {} } = start;
  const userHandle =
    keptUserHandle ??
    (await keepUserHandle(deps, { tenantId, rpId, user, given: input.userHandle }));

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
    userDisplayName: input.userDisplayName ?? (user && displayNameOf(user)) ?? userName,
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
  return toRegistrationSessionView(session, now);
}

/**
 * The handle for a user that has none for this RP yet: kept at the first start, not the first
 * completion, so every start for this user and RP issues the same handle; when two first starts
 * race, the first writer wins.
 */
async function keepUserHandle(
  deps: IdentityDeps,
  {
    tenantId,
    rpId,
    user,
    given,
  }: { tenantId: string; rpId: string; user?: UserRecord; given?: string },
) {
  const chosen = given ?? deps.randomBytes(32).toString('base64url');
  if (!user) return chosen;
  const key = { tenantId, userId: user.id, rpId };
  await deps.records.passkeys.saveUserHandle(key, chosen);
  const kept = (await deps.records.passkeys.findUserHandle(key)) ?? chosen;
  checkUserHandle(given, kept);
  return kept;
}
