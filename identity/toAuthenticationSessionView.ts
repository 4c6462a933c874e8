import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { AuthenticationSessionRecord } from '../storage/AuthenticationSessionRecord';
import { toSessionStatus } from './sessions/SessionLifecycle';

/** A sign-in session as its client sees it (VERIFYING shows as PENDING, see toSessionStatus). */
export type AuthenticationSessionView = {
  sessionId: string;
  status: 'PENDING' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'EXPIRED';
  /** The request options to hand navigator.credentials.get(). */
  clientRequest: PublicKeyCredentialRequestOptionsJSON;
  expiresAt: string;
  /** The user it was started for, or (usernameless) who signed in; null until known. */
  userId?: string | null;
  /** The passkey that signed in, once COMPLETED. */
  passkeyId?: string | null;
  attempts: number;
  failureCode?: string;
};

export function toAuthenticationSessionView(
  session: AuthenticationSessionRecord,
  now: number,
): AuthenticationSessionView {
  return {
    sessionId: session.id,
    status: toSessionStatus(session, now),
    clientRequest: session.clientRequest,
    expiresAt: new Date(session.expiresAt).toISOString(),
    userId: session.userId,
    passkeyId: session.passkeyId,
    attempts: session.attempts,
    ...(session.failureCode ? { failureCode: session.failureCode } : {}),
  };
}
