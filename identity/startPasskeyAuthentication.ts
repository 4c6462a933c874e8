import { generateAuthenticationOptions } from '@simplewebauthn/server';
import { isoNow } from '../core/isoNow';
import { randomId } from '../core/randomId';
import type {
  AuthenticationSessionRecord,
  AuthenticationStart,
} from '../storage/AuthenticationSessionRecord';
import { resolveSignInUser } from './authentication/resolveSignInUser';
import { decodeBase64url } from './decodeBase64url';
import { findAuthenticationPolicy } from './findAuthenticationPolicy';
import { findIdentityStore } from './findIdentityStore';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError, invalidField } from './IdentityError';
import type { RegistrationSubject } from './RegistrationSubject';
import {
  type AuthenticationSessionView,
  toAuthenticationSessionView,
} from './toAuthenticationSessionView';

export type { AuthenticationSessionView } from './toAuthenticationSessionView';

/** What a sign-in starts from; without `subject` it is usernameless (a discoverable credential). */
export type AuthenticationStartOpts = {
  tenantId: string;
  storeName: string;
  rpId: string;
  policyName: string;
  subject?: RegistrationSubject;
  /** `challenge`: base64url, 16 to 64 bytes, to sign instead of a random one (a flow's input). */
  input?: { challenge?: string };
};

/**
 * Start a passkey sign-in (WebAuthn L3 §7.2): issue request options under the RP's policy — for a
 * known user allowCredentials lists their passkeys for this RP, usernameless lists none — and keep
 * the challenge in a single-use session that expires after `timeoutSeconds`. Every refusal comes
 * before the one write.
 */
export async function startPasskeyAuthentication(
  deps: IdentityDeps,
  { tenantId, storeName, rpId, policyName, subject, input = {} }: AuthenticationStartOpts,
): Promise<AuthenticationSessionView> {
  findIdentityStore(deps, { tenantId, name: storeName });
  const { rp, policy } = findAuthenticationPolicy(deps, { tenantId, rpId, policyName });
  const challenge = input.challenge === undefined ? undefined : checkChallenge(input.challenge);
  let userId: string | null = null;
  let allowCredentials: { id: string; transports?: AuthenticatorTransport[] }[] | undefined;
  if (subject) {
    const user = await resolveSignInUser(deps, { tenantId, storeName, subject });
    const passkeys = (
      await deps.records.passkeys.listForUser({ tenantId, userId: user.id })
    ).filter((p) => p.rpId === rpId);
    // An empty allowCredentials would let the browser offer any credential: refuse instead.
    if (passkeys.length === 0) {
      throw new IdentityError('NO_PASSKEY', `user '${user.id}' has no passkey for '${rpId}'`);
    }
    userId = user.id;
    allowCredentials = passkeys.map((p) => ({
      id: p.credentialId,
      transports: p.transports as AuthenticatorTransport[],
    }));
  } else if (policy.discoverable === 'forbidden') {
    throw new IdentityError(
      'DISCOVERABLE_NOT_ALLOWED',
      `authentication policy '${policyName}' allows no usernameless sign-in`,
    );
  }
  const options = await generateAuthenticationOptions({
    rpID: rp.rpId,
    allowCredentials,
    userVerification: policy.userVerification,
    timeout: policy.timeoutSeconds * 1000,
    ...(challenge ? { challenge } : {}),
  });
  const clientRequest = policy.hints.length > 0 ? { ...options, hints: policy.hints } : options;

  const now = deps.now();
  const session: AuthenticationSessionRecord = {
    id: randomId(deps),
    tenantId,
    storeName,
    rpId,
    policyName,
    userId,
    startedWith: startOf(subject),
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
    passkeyId: null,
  };
  await deps.records.authenticationSessions.insert(session);
  return toAuthenticationSessionView(session, now);
}

/** The permission a start needs, and with it every later call on its session. */
function startOf(subject?: RegistrationSubject): AuthenticationStart {
  if (!subject) return 'createPasskeyAuthentication';
  return 'userId' in subject
    ? 'createPasskeyAuthenticationForUser'
    : 'createPasskeyAuthenticationForUserByExtId';
}

/** A given challenge must be as unguessable as a generated one (L3 §13.4.3: at least 16 bytes). */
function checkChallenge(challenge: string) {
  const bytes = decodeBase64url(challenge);
  if (!bytes || bytes.length < 16 || bytes.length > 64) {
    throw invalidField('/challenge', 'is not base64url of 16 to 64 bytes');
  }
  return new Uint8Array(bytes);
}
