import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';

/**
 * PENDING → COMPLETED | FAILED | CANCELLED | EXPIRED, exactly once. VERIFYING is the claim a
 * complete takes before verifying, so a concurrent complete sees a non-PENDING session.
 */
export type RegistrationSessionState =
  | 'PENDING'
  | 'VERIFYING'
  | 'COMPLETED'
  | 'FAILED'
  | 'CANCELLED'
  | 'EXPIRED';

/** The user a `createUser` registration creates when, and only when, it completes. */
export interface NewUserIntent {
  externalId: string;
  userKey: string;
  displayName: string;
}

export interface RegistrationSessionRecord {
  id: string;
  tenantId: string;
  storeName: string;
  rpId: string;
  policyName: string;
  userId: string | null;
  newUser: NewUserIntent | null;
  userHandle: string;
  /** Server-only: never part of a response except inside `clientRequest`. */
  challenge: string;
  clientRequest: PublicKeyCredentialCreationOptionsJSON;
  state: RegistrationSessionState;
  attempts: number;
  expiresAt: number;
  createdAt: string;
  updatedAt: string;
  responseHash: string | null;
  result: unknown;
  failureCode: string | null;
}
