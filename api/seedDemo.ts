import { createApiToken } from '../identity/createApiToken';
import { createTenant } from '../identity/createTenant';
import { putRelyingParty } from '../identity/putRelyingParty';
import { createProcessToken, startAddress } from '../runtime/createProcessToken';
import type { RuntimeDeps } from '../runtime/RuntimeDeps';
import type { KeyformConfig } from './loadConfig';

/**
 * First-start content (DESIGN §10): tenant `default` with store `default`, an RP for the
 * public URL's host whose origin is that URL with policy `default`, a `demo` process token
 * into the built-in `passkey-registration` process and a `demo-page` one into its custom-page
 * variant `passkey-registration-page`. Existing data is never touched, so an
 * operator's changes survive restarts. Returns the start link, and a new root token secret
 * when none existed and no KEYFORM_ADMIN_TOKEN is set.
 */
export async function seedDemo(deps: RuntimeDeps, config: KeyformConfig) {
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
  let demo = deps.processes
    .read()
    .tokens.find((t) => t.tenantId === 'default' && t.name === 'demo');
  demo ??= await createProcessToken(deps, {
    tenantId: 'default',
    name: 'demo',
    processDefnName: 'passkey-registration',
    type: 'UNLIMITED',
    parameters: { rpId },
  });
  let demoPage = deps.processes
    .read()
    .tokens.find((t) => t.tenantId === 'default' && t.name === 'demo-page');
  demoPage ??= await createProcessToken(deps, {
    tenantId: 'default',
    name: 'demo-page',
    processDefnName: 'passkey-registration-page',
    type: 'UNLIMITED',
    parameters: { rpId },
  });
  const startLink = startAddress(config.publicUrl, demo.id);
  const pageStartLink = startAddress(config.publicUrl, demoPage.id);
  if (config.adminToken || tokens.some((t) => t.tenantId === null))
    return { rootToken: undefined, startLink, pageStartLink };
  const { token } = await createApiToken(deps, { tenantId: null, name: 'root (first start)' });
  return { rootToken: token, startLink, pageStartLink };
}
