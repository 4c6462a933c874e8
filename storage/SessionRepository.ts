import type { SessionRecord } from './SessionRecord';

/** Names a session: its tenant and id. */
export type SessionKey = Pick<SessionRecord, 'tenantId' | 'id'>;

/** The session and the state its caller read it in: what a transition compares against. */
export type SeenSession = Pick<SessionRecord, 'tenantId' | 'id' | 'state'>;

/**
 * The transitions of a ceremony session's records. Each is a compare-and-set on the state of
 * the record the caller read (`seen.state`): it applies only while the session is still in that
 * state, and returns the record as it is afterwards, or undefined when another caller moved the
 * session first. Whether a transition is allowed from that state is identity's rule
 * (identity/sessions/SessionLifecycle.ts); the repository only makes it atomic.
 * `Completion` is what a ceremony records beside its result when it completes.
 */
export interface SessionRepository<R extends SessionRecord, Completion = unknown> {
  find(key: SessionKey): Promise<R | undefined>;
  /**
   * → VERIFYING. Compares `seen.updatedAt` as well, so of two callers taking over the same
   * stale claim only one does.
   */
  claim(
    seen: SeenSession & Pick<SessionRecord, 'updatedAt'>,
    change: { updatedAt: string },
  ): Promise<R | undefined>;
  /** → PENDING, counting nothing: the claim is given back because nothing was judged. */
  handBack(seen: SeenSession, change: { updatedAt: string }): Promise<R | undefined>;
  /**
   * Counts a failed verification in one update: → FAILED once attempts reach `maxAttempts`,
   * else → PENDING.
   */
  release(
    seen: SeenSession,
    change: { updatedAt: string; failureCode: string; maxAttempts: number },
  ): Promise<R | undefined>;
  /** → FAILED at once, counting the attempt: a refusal no retry can cure. */
  fail(
    seen: SeenSession,
    change: { updatedAt: string; failureCode: string },
  ): Promise<R | undefined>;
  /** → COMPLETED, keeping the response's hash and the result for an identical resend. */
  complete(
    seen: SeenSession,
    change: { updatedAt: string; responseHash: string; result: unknown } & Completion,
  ): Promise<R | undefined>;
  /** → CANCELLED, `failureCode` saying why. */
  cancel(
    seen: SeenSession,
    change: { updatedAt: string; failureCode: string },
  ): Promise<R | undefined>;
  /** → EXPIRED. */
  expire(seen: SeenSession, change: { updatedAt: string }): Promise<R | undefined>;
}
