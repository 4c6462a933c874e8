import type { IdentityDeps } from './IdentityDeps';
import { findSession } from './sessions/findSession';
import { toRegistrationSessionView } from './toRegistrationSessionView';

/** A registration session as its client sees it. */
export async function getRegistrationSession(
  deps: IdentityDeps,
  { tenantId, storeName, sessionId }: { tenantId: string; storeName: string; sessionId: string },
) {
  const session = await findSession(deps, deps.records.sessions, {
    tenantId,
    storeName,
    sessionId,
  });
  return toRegistrationSessionView(session, deps.now());
}
