import type { RegistrationSubject } from './RegistrationSubject';

/** What a caller may add when starting a registration; every member is optional. */
export interface StartRegistrationInput {
  userName?: string;
  userDisplayName?: string;
  userHandle?: string;
  createUser?: boolean;
}

/** Where and for whom a registration starts: the store, the RP and its policy, the subject. */
export interface RegistrationStart {
  tenantId: string;
  storeName: string;
  rpId: string;
  policyName: string;
  subject: RegistrationSubject;
  input?: StartRegistrationInput;
}
