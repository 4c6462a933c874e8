import { findIdentityStore } from './findIdentityStore';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';
import { toSessionView } from './toSessionView';

export async function getRegistrationSession(
  deps: IdentityDeps,
  { tenantId, storeName, sessionId }: { tenantId: string; storeName: string; sessionId: string },
) {
  findIdentityStore(deps, { tenantId, name: storeName });
  const session = await deps.records.sessions.find({ tenantId, id: sessionId });
  if (!session || session.storeName !== storeName) {
    throw new IdentityError('SESSION_NOT_FOUND', `session '${sessionId}' not found`);
  }
  return toSessionView(session, deps.now());
}
