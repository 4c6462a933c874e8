import { IdentityError } from '../IdentityError';
import type { BindingDeps } from './BindingDeps';
import { hostedWebConfigId } from './builtinAuthenticatorConfig';
import { findAuthenticatorConfig } from './findAuthenticatorConfig';

/** Remove a stored config. Jobs that name it can no longer be opened or redeemed (404). */
export async function deleteAuthenticatorConfig(
  deps: BindingDeps,
  { tenantId, storeName, id }: { tenantId: string; storeName: string; id: string },
) {
  findAuthenticatorConfig(deps, { tenantId, storeName, id });
  // The built-in config is derived from the public URL; there is nothing stored to delete.
  if (id === hostedWebConfigId) {
    throw new IdentityError(
      'AUTHENTICATOR_CONFIG_BUILTIN',
      `'${id}' is built in and cannot be deleted`,
    );
  }
  await deps.binding.update((draft) => {
    draft.authenticatorConfigs = draft.authenticatorConfigs.filter(
      (c) => !(c.tenantId === tenantId && c.storeName === storeName && c.id === id),
    );
  });
}
