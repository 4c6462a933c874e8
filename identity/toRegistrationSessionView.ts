import type { RegistrationSessionRecord } from '../storage/RegistrationSessionRecord';
import { toSessionStatus } from './sessions/SessionLifecycle';

/**
 * What a client sees of a registration session: its status (toSessionStatus), the creation
 * options to hand the browser, and once COMPLETED the completion's result.
 */
export function toRegistrationSessionView(session: RegistrationSessionRecord, now: number) {
  return {
    sessionId: session.id,
    status: toSessionStatus(session, now),
    clientRequest: session.clientRequest,
    expiresAt: new Date(session.expiresAt).toISOString(),
    attempts: session.attempts,
    ...(session.failureCode ? { failureCode: session.failureCode } : {}),
    ...(session.state === 'COMPLETED' && session.result ? (session.result as object) : {}),
  };
}
