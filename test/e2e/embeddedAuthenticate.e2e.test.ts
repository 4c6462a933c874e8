import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVirtualAuthenticator } from './support/addVirtualAuthenticator';
import { launchChromium } from './support/launchChromium';
import { startIntegratorPage } from './support/startIntegratorPage';
import { startTestServer } from './support/startTestServer';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
let integrator: Awaited<ReturnType<typeof startIntegratorPage>>;
let configId: string;
const realm = '/v1/tenants/default/realms/default';
const stores = '/api/identity-store/stores/default';
const signIns = 'passkeys/relyingParties/localhost/authentications/default';
// biome-ignore lint/suspicious/noExplicitAny: the page's answers, read loosely like API JSON
type Outcome = any;

beforeAll(async () => {
  server = await startTestServer();
  integrator = await startIntegratorPage({ keyformUrl: server.publicUrl });
  browser = await launchChromium();
  // The ceremonies run on the integrator's origin: the RP must accept it, the config trust it.
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

/** A page of the integrator with a virtual authenticator holding a passkey bound through the SDK. */
async function pageWithBoundPasskey() {
  const username = `u-${Math.random().toString(36).slice(2, 10)}`;
  const identity = await server.api('POST', `${realm}/identities`, {
    identity: { display_name: 'Ada Lovelace', traits: { type: 'traits_v0', username } },
  });
  expect(identity.status).toBe(200);
  const job = await server.api(
    'POST',
    `${realm}/identities/${identity.body.id}/credential-binding-jobs`,
    { job: { delivery_method: 'RETURN', authenticator_config_id: configId } },
  );
  expect(job.status).toBe(200);
  const page = await browser.newPage();
  const authenticator = await addVirtualAuthenticator(page);
  await page.goto(integrator.origin);
  await page.locator('body[data-ready="yes"]').waitFor();
  const bound: Outcome = await page.evaluate(
    // biome-ignore lint/suspicious/noExplicitAny: the page's window.bind, defined in its script
    (l) => (window as any).bind(l),
    job.body.credential_binding_link as string,
  );
  expect(bound.ok).toBe(true);
  return { page, authenticator, userId: identity.body.id as string, passkey: bound.result.passkey };
}

/** Start a sign-in with a link, as the integrator's backend does: by user id, or usernameless. */
async function signInLink(userId: string | null) {
  const path = userId === null ? `${stores}/${signIns}` : `${stores}/users/${userId}/${signIns}`;
  const started = await server.api('POST', path, { link: true });
  expect(started.status).toBe(201);
  return {
    sessionId: started.body.sessionId as string,
    link: started.body.authenticationUrl as string,
  };
}

const authenticate = (page: Page, link: string, passkeyId?: string): Promise<Outcome> =>
  // biome-ignore lint/suspicious/noExplicitAny: the page's window.authenticate, defined in its script
  page.evaluate(([l, p]) => (window as any).authenticate(l, p ?? undefined), [link, passkeyId]);

const session = async (sessionId: string) =>
  (await server.api('GET', `${stores}/passkeys/authentications/sessions/${sessionId}`)).body;

describe('Embedded#authenticate(link) from an integrator page in Chromium', () => {
  it('signs in with the bound passkey: the session completes, getPasskeys() shows lastUsedAt', async () => {
    const { page, userId, passkey } = await pageWithBoundPasskey();
    expect(passkey.lastUsedAt).toBeUndefined();
    const { sessionId, link } = await signInLink(userId);
    expect(link.startsWith(`${server.publicUrl}/authenticate#token=`)).toBe(true);

    const outcome = await authenticate(page, link);
    expect(outcome.ok).toBe(true);
    expect(outcome.result).toEqual({
      passkeyId: passkey.passkeyId,
      userId,
      authenticatedAt: expect.any(String),
    });
    expect(outcome.passkeys).toEqual([{ ...passkey, lastUsedAt: outcome.result.authenticatedAt }]);
    // The integrator's backend learns who signed in from the session, with its API token.
    expect(await session(sessionId)).toMatchObject({
      status: 'COMPLETED',
      userId,
      passkeyId: passkey.passkeyId,
    });
    const stored = await server.api(
      'GET',
      `${stores}/users/${userId}/passkeys/${passkey.passkeyId}`,
    );
    expect(stored.body.lastUsedAt).toBe(outcome.result.authenticatedAt);
    await page.close();
  });

  it('keeps the link through a failed prompt, signs in on the retry, then refuses it (usedLink)', async () => {
    const { page, authenticator, userId } = await pageWithBoundPasskey();
    const { sessionId, link } = await signInLink(userId);
    // A UV-required get() without user verification fails as a dismissed prompt does.
    await authenticator.setUserVerified(false);
    const failed = await authenticate(page, link);
    expect(failed.ok).toBe(false);
    expect(['cancelled', 'noPasskey']).toContain(failed.code);
    expect(await session(sessionId)).toMatchObject({ status: 'PENDING', attempts: 0 });

    await authenticator.setUserVerified(true);
    expect((await authenticate(page, link)).ok).toBe(true);
    expect(await authenticate(page, link)).toMatchObject({
      ok: false,
      code: 'usedLink',
      apiCode: 'AUTHENTICATION_LINK_USED',
    });
    await page.close();
  });

  it('signs in usernameless; with passkeyId offers only that passkey, and refuses one it does not hold', async () => {
    const { page, userId, passkey } = await pageWithBoundPasskey();
    const open = await signInLink(null);
    const outcome = await authenticate(page, open.link, passkey.id);
    expect(outcome).toMatchObject({ ok: true, result: { userId, passkeyId: passkey.passkeyId } });

    const other = await signInLink(null);
    expect(await authenticate(page, other.link, 'not-a-passkey-here')).toMatchObject({
      ok: false,
      code: 'unknownPasskey',
    });
    expect(await session(other.sessionId)).toMatchObject({ status: 'PENDING', attempts: 0 });
    await page.close();
  });

  it('drops a passkey the server no longer knows from getPasskeys() (unknownCredential)', async () => {
    const { page, userId, passkey } = await pageWithBoundPasskey();
    const deleted = await server.api(
      'DELETE',
      `${stores}/users/${userId}/passkeys/${passkey.passkeyId}`,
    );
    expect(deleted.status).toBeLessThan(300);
    const { link } = await signInLink(null);
    const outcome = await authenticate(page, link);
    expect(outcome).toMatchObject({
      ok: false,
      code: 'unknownCredential',
      apiCode: 'UNKNOWN_CREDENTIAL',
      passkeys: [],
    });
    await page.close();
  });

  it('leaves keyboard use to the page: a sign-in started with Enter keeps the focus where it was', async () => {
    const { page, userId } = await pageWithBoundPasskey();
    const { link } = await signInLink(userId);
    await page.evaluate((l) => {
      const button = document.createElement('button');
      button.textContent = 'Sign in with a passkey';
      button.addEventListener('click', async () => {
        // biome-ignore lint/suspicious/noExplicitAny: the page's window.authenticate
        const outcome = await (window as any).authenticate(l);
        document.body.dataset.signedIn = String(outcome.ok);
      });
      document.body.append(button);
    }, link);
    const button = page.getByRole('button', { name: 'Sign in with a passkey' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.locator('body[data-signed-in="true"]').waitFor();
    await expect.poll(() => button.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.close();
  });
});
