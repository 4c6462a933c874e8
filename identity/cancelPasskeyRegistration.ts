import { isoNow } from '../core/isoNow';
import { findIdentityStore } from './findIdentityStore';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';
import { refuseSessionInState } from './refuseSessionInState';
import { toSessionView } from './toSessionView';

/** Cancel a PENDING session (the user backed out); any other state is refused. */
export async function cancelPasskeyRegistration(
  deps: IdentityDeps,
  {
    tenantId,
    storeName,
    sessionId,
    reason,
  }: { tenantId: string; storeName: string; sessionId: string; reason?: string },
) {
  findIdentityStore(deps, { tenantId, name: storeName });
  const key = { tenantId, id: sessionId };
  const session = await deps.records.sessions.find(key);
  if (!session || session.storeName !== storeName) {
    throw new IdentityError('SESSION_NOT_FOUND', `session '${sessionId}' not found`);
  }
  const now = deps.now();
  if (session.state === 'CANCELLED') return toSessionView(session, now);
  if (session.state !== 'PENDING' || now >= session.expiresAt)
    throw refuseSessionInState(session, now);
  const cancelled = await deps.records.sessions.transition(key, 'PENDING', {
    state: 'CANCELLED',
    failure_code: reason ? `CANCELLED:${reason.slice(0, 64)}` : 'CANCELLED',
    updated_at: isoNow(deps),
  });
  const current = await deps.records.sessions.find(key);
  if (!cancelled || !current) throw refuseSessionInState(current ?? session, now);
  return toSessionView(current, now);
}
