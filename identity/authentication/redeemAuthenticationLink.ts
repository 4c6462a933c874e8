import type { AuthenticationSessionRecord } from '../../storage/AuthenticationSessionRecord';
import type { IdentityDeps } from '../IdentityDeps';
import { IdentityError } from '../IdentityError';
import {
  allowsTransition,
  refuseSessionInState,
  toSessionStatus,
} from '../sessions/SessionLifecycle';
import { invalidLink } from './findLinkedSession';

/**
 * Redeem an authentication link: the request options of its sign-in session, for the browser's
 * navigator.credentials.get(). Redeeming changes nothing, so it may be repeated while the session
 * is PENDING (a dismissed prompt is tried again with the same link); once the sign-in completed
 * the link is used (410), and a cancelled, failed or expired session answers as the session API
 * does. `session` is what findLinkedSession found for the link's secret.
 */
export async function redeemAuthenticationLink(
  deps: Pick<IdentityDeps, 'records' | 'now'>,
  session: AuthenticationSessionRecord | undefined,
) {
  if (!session) throw invalidLink();
  const now = deps.now();
  if (toSessionStatus(session, now) !== 'PENDING') {
    if (session.state === 'COMPLETED') {
      throw new IdentityError('AUTHENTICATION_LINK_USED', 'the link’s sign-in has completed');
    }
    // As claimSession does: a PENDING session past its expiry is recorded as EXPIRED.
    if (allowsTransition(session, 'expire', now)) {
      await deps.records.authenticationSessions.expire(session, {
        updatedAt: new Date(now).toISOString(),
      });
    }
    throw refuseSessionInState(session, now);
  }
  return {
    clientRequest: session.clientRequest,
    expiresAt: new Date(session.expiresAt).toISOString(),
  };
}
