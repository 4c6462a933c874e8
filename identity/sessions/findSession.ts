import type { SessionRecord } from '../../storage/SessionRecord';
import type { SessionRepository } from '../../storage/SessionRepository';
import { findIdentityStore } from '../findIdentityStore';
import type { IdentityDeps } from '../IdentityDeps';
import { IdentityError } from '../IdentityError';

/**
 * The session `sessionId` of store `storeName`; another store's session is SESSION_NOT_FOUND
 * like an unknown one, so a caller of one store never learns of, or moves, another's.
 */
export async function findSession<R extends SessionRecord>(
  deps: Pick<IdentityDeps, 'definitions'>,
  sessions: Pick<SessionRepository<R>, 'find'>,
  { tenantId, storeName, sessionId }: { tenantId: string; storeName: string; sessionId: string },
): Promise<R> {
  findIdentityStore(deps, { tenantId, name: storeName });
  const session = await sessions.find({ tenantId, id: sessionId });
  if (!session || session.storeName !== storeName) {
    throw new IdentityError('SESSION_NOT_FOUND', `session '${sessionId}' not found`);
  }
  return session;
}
