import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';

/** The link endpoints' answers (api/schemas/binding.ts), as far as the browser reads them. */
export interface BindingJobJSON {
  id: string;
  tenant_id: string;
  realm_id: string;
  identity_id: string;
  state: string;
  post_binding_redirect_uri: string | null;
  credential_id?: string;
}

export interface RedeemedLink {
  credential_binding_job: BindingJobJSON;
  creation_options: PublicKeyCredentialCreationOptionsJSON;
  completion_token: string;
}

export interface CompletedBinding {
  credential_binding_job: BindingJobJSON;
  passkey: { id: string; credential_id: string; aaguid: string; create_time: string };
  identity: {
    id: string;
    display_name: string;
    traits: { username: string; external_id?: string; primary_email_address?: string };
  };
}
