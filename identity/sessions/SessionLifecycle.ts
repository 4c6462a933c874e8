import type { SessionRecord, SessionState } from '../../storage/SessionRecord';
import { IdentityError } from '../IdentityError';

/**
 * A claim older than this was left by a process that died mid-verification: it may be taken
 * over, so a crash does not leave the session busy until it expires.
 */
export const staleClaimMs = 30_000;

/** The moves of a session, each a method of SessionRepository. */
export type SessionTransition =
  | 'claim'
  | 'handBack'
  | 'release'
  | 'fail'
  | 'complete'
  | 'cancel'
  | 'expire';

/**
 * The states each move starts from. Claiming makes a session single-use: every move out of
 * VERIFYING belongs to the one caller holding the claim; a session leaves PENDING for good
 * only by being cancelled or expiring.
 */
export const sessionTransitions: Record<SessionTransition, readonly SessionState[]> = {
  claim: ['PENDING', 'VERIFYING'],
  handBack: ['VERIFYING'],
  release: ['VERIFYING'],
  fail: ['VERIFYING'],
  complete: ['VERIFYING'],
  cancel: ['PENDING'],
  expire: ['PENDING'],
};

/**
 * Whether `session`, as read at `now`, may make `move`: from one of its states, and in time —
 * claimed or cancelled only before its expiry (a VERIFYING one claimed only once stale), expired
 * only after it.
 */
export function allowsTransition(session: SessionRecord, move: SessionTransition, now: number) {
  if (!sessionTransitions[move].includes(session.state)) return false;
  switch (move) {
    case 'claim':
      return (
        now < session.expiresAt &&
        (session.state === 'PENDING' || Date.parse(session.updatedAt) < now - staleClaimMs)
      );
    case 'cancel':
      return now < session.expiresAt;
    case 'expire':
      return now >= session.expiresAt;
    default:
      return true;
  }
}

/** EXPIRED, or PENDING past its expiry before anything has recorded that. */
function isExpired(session: SessionRecord, now: number) {
  return session.state === 'EXPIRED' || (session.state === 'PENDING' && now >= session.expiresAt);
}

/**
 * The state a client sees: VERIFYING is internal and shows as PENDING; a PENDING session past
 * its expiry shows as EXPIRED even before the purge catches it.
 */
export function toSessionStatus(session: SessionRecord, now: number) {
  if (isExpired(session, now)) return 'EXPIRED';
  return session.state === 'VERIFYING' ? 'PENDING' : session.state;
}

/** The error for acting on a session that is not PENDING (or is past its expiry). */
export function refuseSessionInState(session: SessionRecord, now: number) {
  if (isExpired(session, now)) {
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
