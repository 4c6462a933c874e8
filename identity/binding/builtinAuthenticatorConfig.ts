import type { AuthenticatorConfigRecord } from '../../storage/BindingDefinitions';
import { findIdentityStore } from '../findIdentityStore';
import type { BindingDeps } from './BindingDeps';

/** The id of the config every realm has without creating it: Keyform's own hosted page. */
export const hostedWebConfigId = 'hosted-web';

/**
 * Beyond Identity's "Hosted Web" authenticator, pointing at Keyform's renderer (`/bind`). It is
 * derived, not stored, so every realm of every tenant has it and it follows the public URL.
 */
export function builtinAuthenticatorConfig(
  deps: Pick<BindingDeps, 'definitions' | 'publicUrl'>,
  { tenantId, storeName }: { tenantId: string; storeName: string },
): AuthenticatorConfigRecord {
  const store = findIdentityStore(deps, { tenantId, name: storeName });
  return {
    id: hostedWebConfigId,
    tenantId,
    storeName,
    displayName: 'Keyform hosted web',
    type: 'hosted_web',
    invokeUrl: deps.publicUrl,
    trustedOrigins: [deps.publicUrl],
    invocationType: 'automatic',
    rpId: null,
    registrationPolicy: null,
    createdAt: store.createdAt,
    updatedAt: store.createdAt,
  };
}
