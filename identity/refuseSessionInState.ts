import type { RegistrationSessionRecord } from '../storage/RegistrationSessionRecord';
import { IdentityError } from './IdentityError';

/** The error for acting on a session that is not PENDING (or is past its expiry). */
export function refuseSessionInState(session: RegistrationSessionRecord, now: number) {
  if (session.state === 'EXPIRED' || (session.state === 'PENDING' && now >= session.expiresAt)) {
    return new IdentityError(
      'SESSION_EXPIRED',
      `session expired at ${new Date(session.expiresAt).toISOString()}`,
    );
  }
  switch (session.state) {
    case 'COMPLETED':
      return new IdentityError(
        'SESSION_ALREADY_COMPLETED',
        'session was completed with a different response',
      );
    case 'CANCELLED':
      return new IdentityError('SESSION_CANCELLED', 'session was cancelled');
    case 'FAILED':
      return new IdentityError(
        'SESSION_FAILED',
        `session failed after ${session.attempts} attempts (${session.failureCode ?? 'unknown'})`,
      );
    default:
      return new IdentityError(
        'SESSION_BUSY',
        'another response for this session is being verified',
      );
  }
}
