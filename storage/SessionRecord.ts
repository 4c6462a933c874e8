/**
 * The states of a single-use ceremony session (a passkey registration, and any ceremony with
 * the same lifecycle): PENDING → VERIFYING → COMPLETED | FAILED | CANCELLED | EXPIRED, and
 * VERIFYING → PENDING when a claim is given back. Which move is allowed from where is identity's
 * rule (identity/sessions/SessionLifecycle.ts).
 */
export const sessionStates = [
  'PENDING',
  'VERIFYING',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'EXPIRED',
] as const;
export type SessionState = (typeof sessionStates)[number];

/** The fields every ceremony session has, whatever the ceremony adds. */
export interface SessionRecord {
  id: string;
  tenantId: string;
  storeName: string;
  state: SessionState;
  /** Failed verifications so far, counted against the policy's maxAttempts. */
  attempts: number;
  /** Epoch milliseconds. */
  expiresAt: number;
  updatedAt: string;
  /** sha256 of the response that completed the session: an identical resend is idempotent. */
  responseHash: string | null;
  /** What completing returned, returned again to every identical resend. */
  result: unknown;
  failureCode: string | null;
}
