import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { SessionRecord } from './SessionRecord';

/** The start routes a sign-in may come from, each its own permission (DESIGN §4b). */
export const authenticationStarts = [
  'createPasskeyAuthenticationForUser',
  'createPasskeyAuthenticationForUserByExtId',
  'createPasskeyAuthentication',
] as const;
export type AuthenticationStart = (typeof authenticationStarts)[number];

/** A passkey sign-in session: the common session fields and what signing in needs. */
export interface AuthenticationSessionRecord extends SessionRecord {
  rpId: string;
  policyName: string;
  /** The user it was started for; null when usernameless, until it completes. */
  userId: string | null;
  /** How it was started: reading, completing and cancelling it need the same permission. */
  startedWith: AuthenticationStart;
  /** Server-only: never part of a response except inside `clientRequest`. */
  challenge: string;
  clientRequest: PublicKeyCredentialRequestOptionsJSON;
  createdAt: string;
  /** The passkey that signed in, once COMPLETED. */
  passkeyId: string | null;
}
