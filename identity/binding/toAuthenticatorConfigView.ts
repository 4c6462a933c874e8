import type { AuthenticatorConfigRecord } from '../../storage/BindingDefinitions';
import { ceremonyOf } from './ceremonyOf';

/** Beyond Identity's authenticator config shape, plus Keyform's effective RP and policy. */
export function toAuthenticatorConfigView(config: AuthenticatorConfigRecord, publicUrl: string) {
  const { rpId, policyName } = ceremonyOf(config, publicUrl);
  return {
    id: config.id,
    realm_id: config.storeName,
    tenant_id: config.tenantId,
    ...(config.displayName ? { display_name: config.displayName } : {}),
    config: {
      type: config.type,
      invoke_url: config.invokeUrl,
      trusted_origins: config.trustedOrigins,
      invocation_type: config.invocationType,
    },
    rp_id: rpId,
    registration_policy: policyName,
    create_time: config.createdAt,
    update_time: config.updatedAt,
  };
}
