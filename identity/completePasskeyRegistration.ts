import { createHash } from 'node:crypto';
import { isoNow } from '../core/isoNow';
import { randomId } from '../core/randomId';
import type { PasskeyRecord } from '../storage/PasskeyRecord';
import type { RegistrationSessionRecord } from '../storage/RegistrationSessionRecord';
import type { UserRecord } from '../storage/UserRecord';
import { findIdentityStore } from './findIdentityStore';
import { findRegistrationPolicy } from './findRelyingParty';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError, type IdentityErrorCode } from './IdentityError';
import { refuseSessionInState } from './refuseSessionInState';
import type { RegistrationRefusal } from './registrationRefusal';
import { type PasskeyVerification, verifyPasskeyResponse } from './verifyPasskeyResponse';

/**
 * Complete a registration session with the browser's response. The session is claimed with a
 * compare-and-set (PENDING → VERIFYING) before anything else, so of two concurrent completes
 * exactly one proceeds; an identical resend to a COMPLETED session returns the same result.
 *
 * `response` is any JSON value: the API's schemas check its outline, but a flow may pass what
 * an expression or a custom page produced, and the verification checks every member it reads.
 * Whatever it refuses after the claim, a malformed shape included (RESPONSE_MALFORMED), counts
 * as one failed verification against maxAttempts (DESIGN §4); only a body the HTTP schema
 * refuses never reaches the session and counts nothing.
 */
export async function completePasskeyRegistration(
  deps: IdentityDeps,
  {
    tenantId,
    storeName,
    sessionId,
    response,
  }: { tenantId: string; storeName: string; sessionId: string; response: unknown },
) {
  findIdentityStore(deps, { tenantId, name: storeName });
  const key = { tenantId, id: sessionId };
  const responseHash = createHash('sha256')
    .update(JSON.stringify(response) ?? 'undefined')
    .digest('hex');
  const now = deps.now();
  const session = await deps.records.sessions.find(key);
  // Checked before the claim: claiming another store's session would strand it in VERIFYING.
  if (!session || session.storeName !== storeName) {
    throw new IdentityError('SESSION_NOT_FOUND', `session '${sessionId}' not found`);
  }
  if (!(await deps.records.sessions.claim(key, now))) {
    const current = await deps.records.sessions.find(key);
    if (!current) throw new IdentityError('SESSION_NOT_FOUND', `session '${sessionId}' not found`);
    return answerUnclaimed(deps, current, responseHash, now);
  }

  // Set once this call has moved the session out of VERIFYING itself; until then the finally
  // below hands the claim back, whatever was thrown (a storage error, a bug, a library throw).
  let settled = false;
  try {
    const { rp, policy } = findRegistrationPolicy(deps, {
      tenantId,
      rpId: session.rpId,
      policyName: session.policyName,
    });
    const verification = await verifyPasskeyResponse({
      response,
      challenge: session.challenge,
      rp,
      policy,
    });
    if (!verification.ok) {
      await deps.records.sessions.release(key, {
        maxAttempts: policy.maxAttempts,
        failureCode: verification.code,
        now: deps.now(),
      });
      settled = true;
      throw refusalError(verification);
    }
    const stored = await store(deps, { session, verification, responseHash });
    if (!stored.ok) {
      await deps.records.sessions.release(key, {
        // A taken externalId will never become free for this session: fail it at once.
        maxAttempts: stored.code === 'EXT_ID_NOT_UNIQUE' ? 0 : policy.maxAttempts,
        failureCode: stored.code,
        now: deps.now(),
      });
      settled = true;
      throw new IdentityError(stored.code, stored.message);
    }
    settled = true;
    return stored.result;
  } finally {
    // Nothing was judged (storage failed and nothing was committed, or something threw): hand
    // the session back without counting an attempt, so a retry is not SESSION_BUSY until the
    // session expires. A compare-and-set on VERIFYING, so it never undoes a commit.
    if (!settled) {
      await deps.records.sessions
        .transition(key, 'VERIFYING', { state: 'PENDING', updated_at: isoNow(deps) })
        .catch(() => undefined);
    }
  }
}

/** The refusal as an error; `details.fields` names the member at fault when there is one. */
function refusalError({ code, message, field }: RegistrationRefusal) {
  return new IdentityError(code, message, field ? { details: { fields: [field] } } : undefined);
}

async function answerUnclaimed(
  deps: IdentityDeps,
  session: RegistrationSessionRecord,
  responseHash: string,
  now: number,
) {
  if (session.state === 'COMPLETED' && session.responseHash === responseHash) {
    return session.result as CompletionResult;
  }
  if (session.state === 'PENDING' && now >= session.expiresAt) {
    await deps.records.sessions.transition(session, 'PENDING', {
      state: 'EXPIRED',
      updated_at: isoNow(deps),
    });
  }
  throw refuseSessionInState(session, now);
}

export type CompletionResult = {
  sessionId: string;
  status: 'COMPLETED';
  passkey: Omit<
    PasskeyRecord,
    'tenantId' | 'storeName' | 'rpId' | 'publicKey' | 'counter' | 'userHandle' | 'attestationFormat'
  >;
};

type StoreOutcome =
  | { ok: true; result: CompletionResult }
  | {
      ok: false;
      code: IdentityErrorCode &
        ('EXT_ID_NOT_UNIQUE' | 'CREDENTIAL_ALREADY_REGISTERED' | 'USER_NOT_FOUND');
      message: string;
    };

/** User (for createUser), handle, passkey and session state commit together or not at all. */
async function store(
  deps: IdentityDeps,
  {
    session,
    verification,
    responseHash,
  }: {
    session: RegistrationSessionRecord;
    verification: Extract<PasskeyVerification, { ok: true }>;
    responseHash: string;
  },
): Promise<StoreOutcome> {
  const { credential, aaguid, credentialDeviceType, credentialBackedUp, fmt } = verification.info;
  const now = isoNow(deps);
  const scope = { tenantId: session.tenantId, storeName: session.storeName };
  const abort = new Map<string, StoreOutcome>();
  try {
    return await deps.records.transaction(async (r) => {
      let userId = session.userId;
      if (session.newUser) {
        const user = newUserRecord(deps, session, now);
        const written = await r.users.insert(user);
        if (!written.ok)
          throw rollback(abort, {
            ok: false,
            code: 'EXT_ID_NOT_UNIQUE',
            message: `externalId '${session.newUser.externalId}' was taken before this registration completed`,
          });
        userId = user.id;
      } else if (!userId || !(await r.users.exists(scope, userId))) {
        throw rollback(abort, {
          ok: false,
          code: 'USER_NOT_FOUND',
          message: 'the user was deleted during the registration',
        });
      }
      const passkey: PasskeyRecord = {
        id: randomId(deps),
        ...scope,
        userId,
        rpId: session.rpId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        aaguid,
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        transports: verification.response.response.transports ?? [],
        attestationFormat: fmt,
        userHandle: session.userHandle,
        createdAt: now,
      };
      if (!(await r.passkeys.insert(passkey)).ok) {
        throw rollback(abort, {
          ok: false,
          code: 'CREDENTIAL_ALREADY_REGISTERED',
          message: 'this credential is already registered',
        });
      }
      await r.passkeys.saveUserHandle(
        { tenantId: session.tenantId, userId, rpId: session.rpId },
        session.userHandle,
      );
      const result: CompletionResult = {
        sessionId: session.id,
        status: 'COMPLETED',
        passkey: {
          id: passkey.id,
          credentialId: passkey.credentialId,
          userId,
          aaguid,
          deviceType: passkey.deviceType,
          backedUp: passkey.backedUp,
          transports: passkey.transports,
          createdAt: now,
        },
      };
      await r.sessions.transition(session, 'VERIFYING', {
        state: 'COMPLETED',
        updated_at: now,
        response_hash: responseHash,
        result: JSON.stringify(result),
        user_id: userId,
      });
      return { ok: true, result };
    });
  } catch (error) {
    const outcome = abort.get((error as Error).message);
    if (outcome) return outcome;
    throw error;
  }
}

/** Throwing is how Kysely rolls a transaction back; the outcome travels beside the error. */
function rollback(abort: Map<string, StoreOutcome>, outcome: StoreOutcome) {
  const marker = `rollback:${abort.size}`;
  abort.set(marker, outcome);
  return new Error(marker);
}

function newUserRecord(
  deps: IdentityDeps,
  session: RegistrationSessionRecord,
  now: string,
): UserRecord {
  const intent = session.newUser!;
  const [firstName, ...rest] = intent.displayName.trim().split(/\s+/);
  return {
    id: randomId(deps),
    tenantId: session.tenantId,
    storeName: session.storeName,
    userKey: intent.userKey,
    externalId: intent.externalId,
    email: null,
    firstName: firstName || null,
    lastName: rest.length > 0 ? rest.join(' ') : null,
    dateOfBirth: null,
    locale: null,
    nationalities: null,
    status: 'ACTIVE',
    timezone: null,
    type: null,
    attributes: { displayName: intent.displayName },
    createdAt: now,
    updatedAt: now,
  };
}
