/**
 * A credential binding job (Beyond Identity): LINK_SENT → LINK_OPENED → REQUEST_DELIVERED →
 * COMPLETE, or EXPIRED, FAILED_TO_SEND, REVOKED. Every change is a compare-and-set on `state`.
 */
export const bindingJobStates = [
  'LINK_SENT',
  'LINK_OPENED',
  'REQUEST_DELIVERED',
  'COMPLETE',
  'EXPIRED',
  'FAILED_TO_SEND',
  'REVOKED',
] as const;
export type BindingJobState = (typeof bindingJobStates)[number];

export const deliveryMethods = ['RETURN', 'EMAIL'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

export interface BindingJobRecord {
  id: string;
  tenantId: string;
  /** The identity store, which Beyond Identity calls the realm. */
  storeName: string;
  /** The user, which Beyond Identity calls the identity. */
  userId: string;
  deliveryMethod: DeliveryMethod;
  state: BindingJobState;
  postBindingRedirectUri: string | null;
  authenticatorConfigId: string;
  /** sha256 of the link token; the token itself is handed out once (link or mail). */
  tokenHash: string;
  /** sha256 of the completion token issued when the link is redeemed; null before. */
  completionHash: string | null;
  /** The registration session the redeemed link started. */
  sessionId: string | null;
  /** The passkey (Keyform passkey id) the job bound. */
  credentialId: string | null;
  /** Why delivery failed (FAILED_TO_SEND), e.g. `ECONNREFUSED`. */
  failureCode: string | null;
  /** Epoch milliseconds. */
  expiresAt: number;
  createdAt: string;
  updatedAt: string;
}

export type BindingJobKey = { tenantId: string; storeName: string; id: string };
