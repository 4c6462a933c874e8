import { createHash } from 'node:crypto';
import { isoNow } from '../core/isoNow';
import { randomId } from '../core/randomId';
import type { PasskeyRecord } from '../storage/PasskeyRecord';
import type { RegistrationSessionRecord } from '../storage/RegistrationSessionRecord';
import { runTransaction } from '../storage/runTransaction';
import type { UserRecord } from '../storage/UserRecord';
import { findRegistrationPolicy } from './findRelyingParty';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError, type IdentityErrorCode } from './IdentityError';
import type { RegistrationRefusal } from './registrationRefusal';
import { claimSession } from './sessions/claimSession';
import { findSession } from './sessions/findSession';
import { type ClaimVerdict, settleClaim } from './sessions/settleClaim';
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
  const { sessions } = deps.records;
  // Found in this store before the claim: claiming another store's session would strand it.
  const session = await findSession(deps, sessions, { tenantId, storeName, sessionId });
  const responseHash = createHash('sha256')
    .update(JSON.stringify(response) ?? 'undefined')
    .digest('hex');
  const claim = await claimSession(sessions, session, { now: deps.now(), responseHash });
  if ('resent' in claim) return claim.resent as CompletionResult;
  const claimed = claim.claimed;

  return settleClaim(deps, sessions, claimed, async (): Promise<ClaimVerdict<CompletionResult>> => {
    const { rp, policy } = findRegistrationPolicy(deps, {
      tenantId,
      rpId: claimed.rpId,
      policyName: claimed.policyName,
    });
    const verification = await verifyPasskeyResponse({
      response,
      challenge: claimed.challenge,
      rp,
      policy,
    });
    if (!verification.ok) {
      return {
        ok: false,
        error: refusalError(verification),
        failureCode: verification.code,
        maxAttempts: policy.maxAttempts,
      };
    }
    const stored = await storeRegistration(deps, { session: claimed, verification, responseHash });
    if (stored.ok) return { ok: true, value: stored.result };
    return {
      ok: false,
      error: new IdentityError(stored.code, stored.message),
      failureCode: stored.code,
      // A taken externalId will never become free for this session: it fails at once.
      ...(stored.code === 'EXT_ID_NOT_UNIQUE' ? {} : { maxAttempts: policy.maxAttempts }),
    };
  });
}

/** The refusal as an error; `details.fields` names the member at fault when there is one. */
function refusalError({ code, message, field }: RegistrationRefusal) {
  return new IdentityError(code, message, field ? { details: { fields: [field] } } : undefined);
}

export type CompletionResult = {
  sessionId: string;
  status: 'COMPLETED';
  passkey: Omit<
    PasskeyRecord,
    | 'tenantId'
    | 'storeName'
    | 'rpId'
    | 'publicKey'
    | 'counter'
    | 'userHandle'
    | 'attestationFormat'
    | 'lastUsedAt'
    | 'possiblyCloned'
    | 'nickname'
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
async function storeRegistration(
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
  return runTransaction<StoreOutcome, StoreOutcome>(deps.records, async (r, rollbackWith) => {
    let userId = session.userId;
    if (session.newUser) {
      const user = newUserRecord(deps, session, now);
      const written = await r.users.insert(user);
      if (!written.ok)
        return rollbackWith({
          ok: false,
          code: 'EXT_ID_NOT_UNIQUE',
          message: `externalId '${session.newUser.externalId}' was taken before this registration completed`,
        });
      userId = user.id;
    } else if (!userId || !(await r.users.exists(scope, userId))) {
      return rollbackWith({
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
      lastUsedAt: null,
      possiblyCloned: false,
      nickname: null,
    };
    if (!(await r.passkeys.insert(passkey)).ok) {
      return rollbackWith({
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
    await r.sessions.complete(session, { updatedAt: now, responseHash, result, userId });
    return { ok: true, result };
  });
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
