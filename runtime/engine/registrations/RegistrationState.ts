import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { CompletionResult } from '../../../identity/completePasskeyRegistration';
import type { RegistrationSubject } from '../../../identity/RegistrationSubject';

/**
 * The resolved inputs of a startPasskeyRegistration node: every session issued for its key is
 * issued from them (with the names a form or page collected, when it collected any).
 */
export interface RegistrationRequest {
  storeName: string;
  rpId: string;
  policyName: string;
  subject: RegistrationSubject;
  createUser: boolean;
  userName?: string;
  userDisplayName?: string;
  userHandle?: string;
}

/** A session issued for a request, with TrustX's names for its start response. */
export interface IssuedRegistration {
  sessionId: string;
  status: string;
  clientRequest: PublicKeyCredentialCreationOptionsJSON;
  expiresAt: string;
}

/**
 * One registration of an instance, under its registration key: server-side state that no end
 * user, integrator or expression reads. Only the registrations module (registrationsOf) reads or
 * writes it, and it publishes the TrustX view of it into the context.
 */
export interface RegistrationState {
  request: RegistrationRequest;
  /** The session now offered for the request; null until one is issued. */
  session: IssuedRegistration | null;
  /** What the browser answered the session with, as a passkey form captured it. */
  browserResponse?: unknown;
  /** The completed registration. */
  completion?: CompletionResult;
}
