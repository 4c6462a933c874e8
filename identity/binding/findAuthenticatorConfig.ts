import { IdentityError } from '../IdentityError';
import type { BindingDeps } from './BindingDeps';
import { builtinAuthenticatorConfig, hostedWebConfigId } from './builtinAuthenticatorConfig';

type Deps = Pick<BindingDeps, 'definitions' | 'publicUrl' | 'binding'>;
type Scope = { tenantId: string; storeName: string };

/** One config of the realm; another realm's or tenant's is as unknown as a missing one (404). */
export function findAuthenticatorConfig(
  deps: Deps,
  { tenantId, storeName, id }: Scope & { id: string },
) {
  if (id === hostedWebConfigId) return builtinAuthenticatorConfig(deps, { tenantId, storeName });
  const config = deps.binding
    .read()
    .authenticatorConfigs.find(
      (c) => c.tenantId === tenantId && c.storeName === storeName && c.id === id,
    );
  if (!config) {
    throw new IdentityError(
      'AUTHENTICATOR_CONFIG_NOT_FOUND',
      `authenticator config '${id}' not found`,
    );
  }
  return config;
}

/** The realm's configs: the built-in hosted web one first, then the stored ones, oldest first. */
export function listAuthenticatorConfigs(deps: Deps, { tenantId, storeName }: Scope) {
  const builtin = builtinAuthenticatorConfig(deps, { tenantId, storeName });
  const stored = deps.binding
    .read()
    .authenticatorConfigs.filter((c) => c.tenantId === tenantId && c.storeName === storeName);
  return [builtin, ...stored];
}
