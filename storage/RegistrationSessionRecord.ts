import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { SessionRecord } from './SessionRecord';

/** The user a `createUser` registration creates when, and only when, it completes. */
export interface NewUserIntent {
  externalId: string;
  userKey: string;
  displayName: string;
}

/** A passkey registration session: the common session fields and what registering needs. */
export interface RegistrationSessionRecord extends SessionRecord {
  rpId: string;
  policyName: string;
  userId: string | null;
  newUser: NewUserIntent | null;
  userHandle: string;
  /** Server-only: never part of a response except inside `clientRequest`. */
  challenge: string;
  clientRequest: PublicKeyCredentialCreationOptionsJSON;
  createdAt: string;
}
