import type { RegistrationSessionRecord } from '../storage/RegistrationSessionRecord';

/**
 * What a client sees of a session. VERIFYING is internal and shows as PENDING; a PENDING
 * session past its expiry shows as EXPIRED even before the purge catches it.
 */
export function toSessionView(session: RegistrationSessionRecord, now: number) {
  const expired = session.state === 'PENDING' && now >= session.expiresAt;
  const status = expired ? 'EXPIRED' : session.state === 'VERIFYING' ? 'PENDING' : session.state;
  return {
    sessionId: session.id,
    status,
    clientRequest: session.clientRequest,
    expiresAt: new Date(session.expiresAt).toISOString(),
    attempts: session.attempts,
    ...(session.failureCode ? { failureCode: session.failureCode } : {}),
    ...(session.state === 'COMPLETED' && session.result ? (session.result as object) : {}),
  };
}
