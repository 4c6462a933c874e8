import type { IdentityStatus } from './identityStatus';

/** Beyond Identity's `traits_v0`; a trait set to null is cleared (PATCH). */
export interface IdentityTraitsInput {
  type?: 'traits_v0';
  username?: string;
  primary_email_address?: string | null;
  secondary_email_address?: string | null;
  external_id?: string;
  given_name?: string | null;
  family_name?: string | null;
  formatted_name?: string | null;
}

/** The body's `identity`, for create (username and display_name required) and patch. */
export interface IdentityInput {
  display_name?: string;
  status?: IdentityStatus;
  traits?: IdentityTraitsInput;
}
