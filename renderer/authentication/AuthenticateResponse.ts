/**
 * What a sign-in through the SDK resolves to: Beyond Identity's `AuthenticateResponse` where it
 * fits. It carries no token: the integrator's backend reads the sign-in session by its id, with
 * its API token, to sign the user in. (BI's `redirectUrl` and `passkeyBindingToken` belong to its
 * OpenID Connect flow, a later Keyform issue.)
 */
export interface AuthenticateResponse {
  /** Keyform's id of the passkey that signed in (`Passkey.passkeyId`). */
  passkeyId: string;
  /** The Keyform user (Beyond Identity: identity) who signed in. */
  userId: string;
  /** When the server accepted the sign-in (ISO 8601): the passkey's new `lastUsedAt`. */
  authenticatedAt: string;
}
