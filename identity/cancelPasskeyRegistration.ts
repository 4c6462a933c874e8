import type { IdentityDeps } from './IdentityDeps';
import { cancelSession } from './sessions/cancelSession';
import { findSession } from './sessions/findSession';
import { toRegistrationSessionView } from './toRegistrationSessionView';

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
  const session = await findSession(deps, deps.records.sessions, {
    tenantId,
    storeName,
    sessionId,
  });
  const now = deps.now();
  const cancelled = await cancelSession(deps.records.sessions, session, {
    now,
    failureCode: reason ? `CANCELLED:${reason.slice(0, 64)}` : 'CANCELLED',
  });
  return toRegistrationSessionView(cancelled, now);
}
