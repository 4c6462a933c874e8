import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { CompletionResult } from '../../../identity/completePasskeyRegistration';
import type { RegistrationSubject } from '../../../identity/RegistrationSubject';
import type { CeremonyState, IssuedSession } from '../ceremonies/CeremonyState';

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
export type IssuedRegistration = IssuedSession<PublicKeyCredentialCreationOptionsJSON>;

/**
 * One registration of an instance, under its registration key (CeremonyState): only the
 * registrations module (registrationsOf) reads or writes it.
 */
export type RegistrationState = CeremonyState<
  RegistrationRequest,
  PublicKeyCredentialCreationOptionsJSON,
  CompletionResult
>;
