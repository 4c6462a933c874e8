import { createHash } from 'node:crypto';
import { isoNow } from '../core/isoNow';
import type { AuthenticationSessionRecord } from '../storage/AuthenticationSessionRecord';
import { runTransaction } from '../storage/runTransaction';
import type { AuthenticationRefusal } from './authentication/authenticationRefusal';
import { checkUserMaySignIn } from './authentication/checkUserMaySignIn';
import {
  type AuthenticationSessionKey,
  findAuthenticationSession,
} from './authentication/findAuthenticationSession';
import { type VerifiedAssertion, verifyAssertion } from './authentication/verifyAssertion';
import { findAuthenticationPolicy } from './findAuthenticationPolicy';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';
import { claimSession } from './sessions/claimSession';
import { type ClaimVerdict, settleClaim } from './sessions/settleClaim';

/** What a completed sign-in returns, again to every identical resend. */
export type AuthenticationResult = {
  sessionId: string;
  status: 'COMPLETED';
  userId: string;
  passkeyId: string;
  userVerified: boolean;
  backedUp: boolean;
  authenticatedAt: string;
};

/**
 * Complete a sign-in session with the browser's assertion (WebAuthn L3 §7.2, DESIGN §4b). The
 * session lifecycle is registration's (identity/sessions): claimed before anything else, so of
 * concurrent completes exactly one proceeds; an identical resend to a COMPLETED session returns
 * the same result; every refusal counts one attempt against maxAttempts and changes nothing
 * else — but a counter that went back, on a verified signature, flags the passkey possibly
 * cloned even though the sign-in is refused. On success the passkey's counter, backedUp and
 * lastUsedAt and the session's completion commit in one transaction.
 *
 * `response` is any JSON value (a flow may pass what a page produced); every member is checked.
 */
export async function completePasskeyAuthentication(
  deps: IdentityDeps,
  { response, ...key }: AuthenticationSessionKey & { response: unknown },
): Promise<AuthenticationResult> {
  const sessions = deps.records.authenticationSessions;
  // Found in this store (and permitted) before the claim: a claim must never strand another's.
  const session = await findAuthenticationSession(deps, key);
  const responseHash = createHash('sha256')
    .update(JSON.stringify(response) ?? 'undefined')
    .digest('hex');
  const claim = await claimSession(sessions, session, { now: deps.now(), responseHash });
  if ('resent' in claim) return claim.resent as AuthenticationResult;
  const claimed = claim.claimed;

  return settleClaim(
    deps,
    sessions,
    claimed,
    async (): Promise<ClaimVerdict<AuthenticationResult>> => {
      const { rp, policy } = findAuthenticationPolicy(deps, {
        tenantId: claimed.tenantId,
        rpId: claimed.rpId,
        policyName: claimed.policyName,
      });
      const refuse = (refusal: Pick<AuthenticationRefusal, 'code' | 'message' | 'field'>) => ({
        ok: false as const,
        error: new IdentityError(
          refusal.code,
          refusal.message,
          refusal.field ? { details: { fields: [refusal.field] } } : undefined,
        ),
        failureCode: refusal.code,
        maxAttempts: policy.maxAttempts,
      });
      const verified = await verifyAssertion(deps, { response, session: claimed, rp, policy });
      if (!verified.ok) {
        if (verified.code === 'COUNTER_REGRESSION' && verified.passkey) {
          await deps.records.passkeys.markPossiblyCloned(verified.passkey);
        }
        return refuse(verified);
      }
      const user = await deps.records.users.findById(claimed, verified.passkey.userId);
      if (!user) return refuse({ code: 'UNKNOWN_CREDENTIAL', message: 'the passkey has no user' });
      try {
        checkUserMaySignIn(user);
      } catch (error) {
        if (error instanceof IdentityError)
          return refuse({ code: 'USER_DISABLED', message: error.message });
        throw error;
      }
      const stored = await recordSignIn(deps, { session: claimed, verified, responseHash });
      if (stored.ok) return { ok: true, value: stored.result };
      if (stored.code === 'COUNTER_REGRESSION') {
        await deps.records.passkeys.markPossiblyCloned(verified.passkey);
      }
      return refuse(stored);
    },
  );
}

type SignInOutcome =
  | { ok: true; result: AuthenticationResult }
  | { ok: false; code: 'COUNTER_REGRESSION' | 'UNKNOWN_CREDENTIAL'; message: string };

/** The passkey's use and the session's completion commit together or not at all. */
async function recordSignIn(
  deps: IdentityDeps,
  {
    session,
    verified,
    responseHash,
  }: { session: AuthenticationSessionRecord; verified: VerifiedAssertion; responseHash: string },
): Promise<SignInOutcome> {
  const { passkey, signCount, backedUp, userVerified, regressed } = verified;
  const now = isoNow(deps);
  return runTransaction<SignInOutcome, SignInOutcome>(deps.records, async (r, rollbackWith) => {
    const use = {
      tenantId: session.tenantId,
      id: passkey.id,
      counter: signCount,
      backedUp,
      lastUsedAt: now,
    };
    const used = regressed
      ? await r.passkeys.recordFlaggedUse(use)
      : await r.passkeys.recordUse(use);
    if (!used) {
      // The compare-and-set found the counter moved past this one since it was read (or the
      // passkey gone): another sign-in used the same counter value.
      const still = await r.passkeys.findByCredentialId(passkey);
      return rollbackWith(
        still
          ? {
              ok: false,
              code: 'COUNTER_REGRESSION',
              message: `signature counter ${signCount} was already used: the passkey may be cloned`,
            }
          : {
              ok: false,
              code: 'UNKNOWN_CREDENTIAL',
              message: 'the passkey was deleted during the sign-in',
            },
      );
    }
    const result: AuthenticationResult = {
      sessionId: session.id,
      status: 'COMPLETED',
      userId: passkey.userId,
      passkeyId: passkey.id,
      userVerified,
      backedUp,
      authenticatedAt: now,
    };
    await r.authenticationSessions.complete(session, {
      updatedAt: now,
      responseHash,
      result,
      userId: passkey.userId,
      passkeyId: passkey.id,
    });
    return { ok: true, result };
  });
}
