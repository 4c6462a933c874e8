import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVirtualAuthenticator } from './support/addVirtualAuthenticator';
import { generatedDeclarations } from './support/generatedDeclarations';
import { launchChromium } from './support/launchChromium';
import { startIntegratorPage } from './support/startIntegratorPage';
import { startTestServer } from './support/startTestServer';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
let integrator: Awaited<ReturnType<typeof startIntegratorPage>>;
let configId: string;
const realm = '/v1/tenants/default/realms/default';

beforeAll(async () => {
  server = await startTestServer();
  integrator = await startIntegratorPage({ keyformUrl: server.publicUrl });
  browser = await launchChromium();
  // The ceremony runs on the integrator's origin: the RP must accept it, the config must trust it.
  const rp = await server.api('PUT', '/api/identity-store/passkeys/relyingParties/localhost', {
    name: 'Integrator',
    origins: [server.publicUrl, integrator.origin],
    registrationPolicies: { default: {} },
  });
  expect(rp.status).toBeLessThan(300);
  const config = await server.api('POST', `${realm}/authenticator-configs`, {
    authenticator_config: {
      config: {
        type: 'embedded',
        invoke_url: integrator.origin,
        trusted_origins: [integrator.origin],
      },
    },
  });
  expect(config.status).toBe(200);
  configId = config.body.id;
});
afterAll(async () => {
  await browser?.close();
  await integrator?.close();
  await server?.close();
});

async function newJob(job: Record<string, unknown> = {}) {
  const username = `u-${Math.random().toString(36).slice(2, 10)}`;
  const identity = await server.api('POST', `${realm}/identities`, {
    identity: { display_name: 'Ada Lovelace', traits: { type: 'traits_v0', username } },
  });
  expect(identity.status).toBe(200);
  const created = await server.api(
    'POST',
    `${realm}/identities/${identity.body.id}/credential-binding-jobs`,
    {
      job: { delivery_method: 'RETURN', authenticator_config_id: configId, ...job },
    },
  );
  expect(created.status).toBe(200);
  return {
    identityId: identity.body.id as string,
    job: created.body.credential_binding_job,
    link: created.body.credential_binding_link as string,
  };
}

async function integratorPage({ isUserVerified = true } = {}) {
  const page = await browser.newPage();
  const authenticator = await addVirtualAuthenticator(page, { isUserVerified });
  await page.goto(integrator.origin);
  await page.locator('body[data-ready="yes"]').waitFor();
  return { page, authenticator };
}

const bind = (page: Page, link: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: the page's window.bind, defined in its script
  page.evaluate((l) => (window as any).bind(l), link);

describe('bindPasskey(link) from an integrator page in Chromium', () => {
  it('binds a passkey: the job reaches COMPLETE with credential_id, getPasskeys() lists it', async () => {
    const { identityId, job, link } = await newJob({
      post_binding_redirect_uri: `${integrator.origin}/welcome`,
    });
    const { page, authenticator } = await integratorPage();
    const outcome = await bind(page, link);
    expect(outcome.ok).toBe(true);

    const read = await server.api(
      'GET',
      `${realm}/identities/${identityId}/credential-binding-jobs/${job.id}`,
    );
    expect(read.body.state).toBe('COMPLETE');
    expect(read.body.credential_id).toBe(outcome.result.passkey.passkeyId);
    expect(outcome.result.postBindingRedirectUri).toBe(`${integrator.origin}/welcome`);
    const [credential] = await authenticator.credentials();
    const credentialId = credential!.credentialId
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    expect(outcome.result.passkey).toMatchObject({
      id: credentialId,
      state: 'Active',
      identity: { id: identityId, displayName: 'Ada Lovelace' },
      realm: { id: 'default' },
    });
    expect(outcome.passkeys.map((p: { id: string }) => p.id)).toEqual([credentialId]);
    await page.close();
  });

  it('serves the embedded SDK’s declarations as generated from its sources', async () => {
    const served = await fetch(`${server.publicUrl}/sdk/embedded.d.ts`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toContain('application/typescript');
    expect(await served.text()).toBe(generatedDeclarations('embedded'));
  });

  it('refuses the same link a second time (usedLink), with the server’s code', async () => {
    const { link } = await newJob();
    const { page } = await integratorPage();
    expect((await bind(page, link)).ok).toBe(true);
    const again = await bind(page, link);
    expect(again).toMatchObject({ ok: false, code: 'usedLink', apiCode: 'BINDING_LINK_USED' });
    await page.close();
  });

  it('classifies a revoked link (revokedLink) and a dismissed prompt (cancelled)', async () => {
    const revoked = await newJob();
    const revoke = await server.api(
      'POST',
      `${realm}/identities/${revoked.identityId}/credential-binding-jobs/${revoked.job.id}:revoke`,
    );
    expect(revoke.body.state).toBe('REVOKED');
    const { page } = await integratorPage({ isUserVerified: false });
    expect(await bind(page, revoked.link)).toMatchObject({ ok: false, code: 'revokedLink' });

    // A UV-required create() without user verification fails like a user's cancel (DESIGN §10).
    const cancelled = await newJob();
    expect(await bind(page, cancelled.link)).toMatchObject({ ok: false, code: 'cancelled' });
    const read = await server.api(
      'GET',
      `${realm}/identities/${cancelled.identityId}/credential-binding-jobs/${cancelled.job.id}`,
    );
    expect(read.body.state).toBe('REQUEST_DELIVERED');
    await page.close();
  });

  it('cannot use a job from an origin its authenticator config does not trust (CORS)', async () => {
    const { link, identityId, job } = await newJob({ authenticator_config_id: 'hosted-web' });
    const { page } = await integratorPage();
    expect(await bind(page, link)).toMatchObject({ ok: false, code: 'network' });
    const read = await server.api(
      'GET',
      `${realm}/identities/${identityId}/credential-binding-jobs/${job.id}`,
    );
    expect(read.body.state).toBe('LINK_SENT');
    await page.close();
  });
});
