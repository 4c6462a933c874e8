import type {
  AuthenticationSessionRecord,
  AuthenticationStart,
} from '../../storage/AuthenticationSessionRecord';
import type { IdentityDeps } from '../IdentityDeps';
import { IdentityError } from '../IdentityError';
import { findSession } from '../sessions/findSession';

/** Who may act on a sign-in session: told the permission its start needed. */
export type SessionPermit = (startedWith: AuthenticationStart) => boolean;

export type AuthenticationSessionKey = {
  tenantId: string;
  storeName: string;
  sessionId: string;
  /**
   * The API passes the token's check: reading, completing or cancelling a session needs the
   * permission of the route that started it (DESIGN §4b). A flow, which started it, passes none.
   */
  permitted?: SessionPermit;
};

/** The sign-in session `sessionId` of this store, refused to a caller without its permission. */
export async function findAuthenticationSession(
  deps: Pick<IdentityDeps, 'definitions' | 'records'>,
  { tenantId, storeName, sessionId, permitted }: AuthenticationSessionKey,
): Promise<AuthenticationSessionRecord> {
  const session = await findSession(deps, deps.records.authenticationSessions, {
    tenantId,
    storeName,
    sessionId,
  });
  if (permitted && !permitted(session.startedWith)) {
    throw new IdentityError(
      'PERMISSION_DENIED',
      `this session needs TNT#${tenantId}#IdentityStore:${session.startedWith}, the permission that started it`,
    );
  }
  return session;
}
