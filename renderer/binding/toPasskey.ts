import type { CompletedBinding } from './BindingApi';
import type { BindPasskeyResponse } from './Passkey';

/** The completion's answer as Beyond Identity's `BindPasskeyResponse`. */
export function toPasskey(completed: CompletedBinding): BindPasskeyResponse {
  const { credential_binding_job: job, passkey, identity } = completed;
  const { traits } = identity;
  return {
    passkey: {
      id: passkey.credential_id,
      passkeyId: passkey.id,
      created: passkey.create_time,
      state: 'Active',
      keyType: 'webauthn',
      tenant: { id: job.tenant_id, displayName: job.tenant_id },
      realm: { id: job.realm_id, displayName: job.realm_id },
      identity: {
        id: identity.id,
        username: traits.username,
        displayName: identity.display_name,
        ...(traits.external_id ? { externalId: traits.external_id } : {}),
        ...(traits.primary_email_address ? { emailAddress: traits.primary_email_address } : {}),
      },
      theme: { logoUrlLight: '', logoUrlDark: '' },
    },
    ...(job.post_binding_redirect_uri
      ? { postBindingRedirectUri: job.post_binding_redirect_uri }
      : {}),
  };
}
