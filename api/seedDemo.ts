import { isIP } from 'node:net';
import { createApiToken } from '../identity/createApiToken';
import { createTenant } from '../identity/createTenant';
import { putRelyingParty } from '../identity/putRelyingParty';
import { createProcessToken, startAddress } from '../runtime/definition/createProcessToken';
import type { RuntimeDeps } from '../runtime/RuntimeDeps';
import type { KeyformConfig } from './loadConfig';

/**
 * First-start content (DESIGN §10): tenant `default` with store `default`, an RP for the
 * public URL's host whose origin is that URL with policy `default`, a `demo` process token
 * into the built-in `passkey-registration` process, a `demo-page` one into its custom-page
 * variant `passkey-registration-page` and a `demo-sign-in` one into `passkey-sign-in`. Existing data is never touched, so an
 * operator's changes survive restarts. Returns the start links, and a new root token secret
 * when none existed and no KEYFORM_ADMIN_TOKEN is set. A public URL whose host is an IP
 * address gets no RP and no start links, and a one-line notice saying why.
 */
export async function seedDemo(
  deps: RuntimeDeps,
  config: KeyformConfig,
): Promise<
  { rootToken: string | undefined } & (
    | { demo: true; startLink: string; pageStartLink: string; signInLink: string }
    | { demo: false; notice: string }
  )
> {
  const { tenants, relyingParties, tokens } = deps.definitions.read();
  if (!tenants.some((t) => t.id === 'default')) await createTenant(deps, { id: 'default' });
  const rootToken =
    config.adminToken || tokens.some((t) => t.tenantId === null)
      ? undefined
      : (await createApiToken(deps, { tenantId: null, name: 'root (first start)' })).token;
  const url = new URL(config.publicUrl);
  // An IP address is never an RP ID (WebAuthn L3 §5.1.3): the API still serves, the demo cannot.
  if (isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0) {
    const notice = `KEYFORM_PUBLIC_URL ${config.publicUrl} is an IP address, and passkeys need a domain name: the demo is not set up. Use http://localhost:${url.port || config.port} instead.`;
    return { rootToken, demo: false, notice };
  }
  const rpId = url.hostname;
  if (!relyingParties.some((r) => r.tenantId === 'default' && r.rpId === rpId)) {
    await putRelyingParty(deps, {
      tenantId: 'default',
      rpId,
      name: 'Keyform demo',
      origins: [config.publicUrl],
      registrationPolicies: { default: {} },
    });
  }
  // Found by name, so a restart keeps the links an operator already handed out.
  const demoToken = async (name: string, processDefnName: string) =>
    (await deps.records.processTokens.findByName({ tenantId: 'default', name })) ??
    (await createProcessToken(deps, {
      tenantId: 'default',
      name,
      processDefnName,
      type: 'UNLIMITED',
      parameters: { rpId },
    }));
  const demo = await demoToken('demo', 'passkey-registration');
  const demoPage = await demoToken('demo-page', 'passkey-registration-page');
  const demoSignIn = await demoToken('demo-sign-in', 'passkey-sign-in');
  const startLink = startAddress(config.publicUrl, demo.id);
  const pageStartLink = startAddress(config.publicUrl, demoPage.id);
  const signInLink = startAddress(config.publicUrl, demoSignIn.id);
  return { rootToken, demo: true, startLink, pageStartLink, signInLink };
}
