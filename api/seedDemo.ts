import { createApiToken } from '../identity/createApiToken';
import { createTenant } from '../identity/createTenant';
import type { IdentityDeps } from '../identity/IdentityDeps';
import { putRelyingParty } from '../identity/putRelyingParty';
import type { KeyformConfig } from './loadConfig';

/**
 * First-start content (DESIGN §10): tenant `default` with store `default`, and an RP for the
 * public URL's host whose origin is that URL, with policy `default`. Existing data is never
 * touched, so an operator's changes survive restarts. Returns a new root token secret when
 * none existed and no KEYFORM_ADMIN_TOKEN is set.
 */
export async function seedDemo(deps: IdentityDeps, config: KeyformConfig) {
  const { tenants, relyingParties, tokens } = deps.definitions.read();
  if (!tenants.some((t) => t.id === 'default')) await createTenant(deps, { id: 'default' });
  const rpId = new URL(config.publicUrl).hostname;
  if (!relyingParties.some((r) => r.tenantId === 'default' && r.rpId === rpId)) {
    await putRelyingParty(deps, {
      tenantId: 'default',
      rpId,
      name: 'Keyform demo',
      origins: [config.publicUrl],
      registrationPolicies: { default: {} },
    });
  }
  if (config.adminToken || tokens.some((t) => t.tenantId === null)) return { rootToken: undefined };
  const { token } = await createApiToken(deps, { tenantId: null, name: 'root (first start)' });
  return { rootToken: token };
}
