import { isoNow } from '../../core/isoNow';
import type { SessionRecord } from '../../storage/SessionRecord';
import type { SessionRepository } from '../../storage/SessionRepository';
import type { IdentityDeps } from '../IdentityDeps';
import type { IdentityError } from '../IdentityError';

/**
 * What verifying a claimed session's response came to: a success the judge has recorded with
 * its own writes (the session COMPLETED among them), or a refusal to count. Without
 * `maxAttempts` the refusal fails the session at once: no retry could cure it.
 */
export type ClaimVerdict<T> =
  | { ok: true; value: T }
  | { ok: false; error: IdentityError; failureCode: string; maxAttempts?: number };

/**
 * Judge a claimed session and record the verdict: a refusal counts one attempt (PENDING again,
 * or FAILED once maxAttempts are used up) and is thrown; a success is returned. Whatever throws
 * before a verdict is recorded (storage, a bug, a library) hands the claim back without
 * counting, so a retry is not SESSION_BUSY until the session expires; the hand-back compares
 * on VERIFYING, so it never undoes a completion.
 */
export async function settleClaim<R extends SessionRecord, T>(
  deps: Pick<IdentityDeps, 'now'>,
  sessions: Pick<SessionRepository<R>, 'release' | 'fail' | 'handBack'>,
  claimed: R,
  judge: () => Promise<ClaimVerdict<T>>,
): Promise<T> {
  let settled = false;
  try {
    const verdict = await judge();
    if (verdict.ok) {
      settled = true;
      return verdict.value;
    }
    const { error, failureCode, maxAttempts } = verdict;
    const updatedAt = isoNow(deps);
    if (maxAttempts === undefined) await sessions.fail(claimed, { failureCode, updatedAt });
    else await sessions.release(claimed, { failureCode, maxAttempts, updatedAt });
    settled = true;
    throw error;
  } finally {
    if (!settled) {
      await sessions.handBack(claimed, { updatedAt: isoNow(deps) }).catch(() => undefined);
    }
  }
}
