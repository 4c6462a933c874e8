import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { completePasskeyAuthentication } from '../../../identity/completePasskeyAuthentication';
import type { RegistrationSubject } from '../../../identity/RegistrationSubject';
import type { CeremonyState } from '../ceremonies/CeremonyState';

/**
 * The resolved inputs of a startPasskeyAuthentication node: every session issued for its key is
 * issued from them. No subject: usernameless (any discoverable passkey of the site), unless a
 * form names a user.
 */
export interface AuthenticationRequest {
  storeName: string;
  rpId: string;
  policyName: string;
  subject?: RegistrationSubject;
  challenge?: string;
}

/** Who signed in, as the journey's context shows them. */
export interface SignedInUser {
  id: string;
  userKey: string;
  externalId: string;
  displayName: string | null;
  /** What to call them: the display name, else the user name. */
  name: string;
}

/** The completed sign-in: the identity layer's answer and the user it signed in. */
export interface AuthenticationCompletion {
  response: Awaited<ReturnType<typeof completePasskeyAuthentication>>;
  /** Null when the user was deleted between the sign-in and this lookup. */
  user: SignedInUser | null;
}

/**
 * One sign-in of an instance, under its authentication key (CeremonyState): only the
 * authentications module (authenticationsOf) reads or writes it.
 */
export type AuthenticationState = CeremonyState<
  AuthenticationRequest,
  PublicKeyCredentialRequestOptionsJSON,
  AuthenticationCompletion
>;
