import type { SessionRecord } from '../../storage/SessionRecord';
import type { SessionRepository } from '../../storage/SessionRepository';
import { allowsTransition, refuseSessionInState } from './SessionLifecycle';

/**
 * Cancel a PENDING, unexpired session (the user backed out), `failureCode` saying why; one
 * already cancelled is returned as it is, any other state refused.
 */
export async function cancelSession<R extends SessionRecord>(
  sessions: Pick<SessionRepository<R>, 'find' | 'cancel'>,
  session: R,
  { now, failureCode }: { now: number; failureCode: string },
): Promise<R> {
  if (session.state === 'CANCELLED') return session;
  if (!allowsTransition(session, 'cancel', now)) throw refuseSessionInState(session, now);
  const cancelled = await sessions.cancel(session, {
    failureCode,
    updatedAt: new Date(now).toISOString(),
  });
  if (cancelled) return cancelled;
  // Another caller moved it first.
  const current = await sessions.find({ tenantId: session.tenantId, id: session.id });
  throw refuseSessionInState(current ?? session, now);
}
