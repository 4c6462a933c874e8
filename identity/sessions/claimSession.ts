import type { SessionRecord } from '../../storage/SessionRecord';
import type { SessionRepository } from '../../storage/SessionRepository';
import { IdentityError } from '../IdentityError';
import { allowsTransition, refuseSessionInState } from './SessionLifecycle';

/** A claim taken, or the result an identical resend gets again. */
export type SessionClaim<R> = { claimed: R } | { resent: unknown };

/**
 * Claim `session` to verify a response (→ VERIFYING) before anything else: of concurrent callers
 * exactly one gets it, which makes the session single-use. A caller that does not: an identical
 * resend (same `responseHash`) to a COMPLETED session gets its result again; anything else is
 * refused for the state the session is in, a PENDING one past its expiry recorded as EXPIRED.
 */
export async function claimSession<R extends SessionRecord>(
  sessions: Pick<SessionRepository<R>, 'find' | 'claim' | 'expire'>,
  session: R,
  { now, responseHash }: { now: number; responseHash: string },
): Promise<SessionClaim<R>> {
  const updatedAt = new Date(now).toISOString();
  let current: R | undefined = session;
  while (current && allowsTransition(current, 'claim', now)) {
    const claimed = await sessions.claim(current, { updatedAt });
    if (claimed) return { claimed };
    // Another caller moved it first: decide on what it is now.
    current = await sessions.find({ tenantId: session.tenantId, id: session.id });
  }
  if (!current) throw new IdentityError('SESSION_NOT_FOUND', `session '${session.id}' not found`);
  if (current.state === 'COMPLETED' && current.responseHash === responseHash) {
    return { resent: current.result };
  }
  if (allowsTransition(current, 'expire', now)) await sessions.expire(current, { updatedAt });
  throw refuseSessionInState(current, now);
}
