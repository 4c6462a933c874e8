import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from '../support/checkAccessibility';
import { launchChromium } from '../support/launchChromium';
import { startTestServer } from '../support/startTestServer';

const rootToken = `root_${randomBytes(24).toString('base64url')}`;
let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
let acmeToken: string;

/** The API as the root token (startTestServer's own helper holds its token, not ours). */
async function api(method: string, path: string, body: unknown) {
  const response = await fetch(`${server.publicUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${rootToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { token: string } };
}

beforeAll(async () => {
  server = await startTestServer({ config: { adminToken: rootToken } });
  browser = await launchChromium();
  for (const id of ['acme', 'beta']) {
    expect((await api('POST', '/api/tenants', { id })).status).toBe(201);
  }
  const beta = await api('POST', '/api/tenants/beta/tokens', {
    name: 'beta admin',
    permissions: ['TNT#beta#*'],
  });
  expect(beta.status).toBe(201);
  const acme = await api('POST', '/api/tenants/acme/tokens', {
    name: 'acme console',
    permissions: ['TNT#acme#*'],
  });
  acmeToken = acme.body.token;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Sign in through the sign-in page, as a person would: by the fields' and button's names. */
async function signInWith(page: Page, token: string, tenant?: string) {
  await page.goto(`${server.publicUrl}/`);
  await page.getByLabel('API token').fill(token);
  if (tenant) await page.getByLabel('Tenant', { exact: true }).fill(tenant);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A request from the page itself: same origin, its cookie. */
function fetchFromPage(page: Page, path: string, method = 'GET') {
  return page.evaluate(
    async ({ path, method }) => {
      const response = await fetch(path, { method });
      return { status: response.status, body: await response.text() };
    },
    { path, method },
  );
}

describe('console sign-in', () => {
  it('signs in with a root token into a chosen tenant; sign-out ends the session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.publicUrl}/`);
    await page.getByRole('heading', { name: 'Keyform console' }).waitFor();
    expect(
      await page.getByRole('link', { name: 'Read the API reference' }).getAttribute('href'),
    ).toBe('/docs');
    expect(await checkAccessibility(page)).toEqual([]);

    await signInWith(page, rootToken, 'acme');
    await page.getByRole('heading', { name: 'Welcome to the Keyform console' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/');
    const header = page.getByRole('banner');
    await header.getByText('acme', { exact: true }).waitFor();
    await header.getByText('KEYFORM_ADMIN_TOKEN', { exact: true }).waitFor();
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Start' })
      .waitFor();
    expect(await checkAccessibility(page)).toEqual([]);

    // The cookie is HttpOnly: the page's script never holds the session.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'kf_console', httpOnly: true, sameSite: 'Strict' });

    // A reload stays signed in: the session is the server's.
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome to the Keyform console' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // The old cookie no longer works, even when sent again by hand.
    const reused = await fetch(`${server.publicUrl}/api/console/session`, {
      headers: { cookie: `kf_console=${cookie!.value}` },
    });
    expect(reused.status).toBe(401);
    expect((await fetchFromPage(page, '/api/console/session')).status).toBe(401);
    await context.close();
  });

  it('refuses a wrong token with the API message, and stays signed out', async () => {
    const page = await browser.newPage();
    await signInWith(page, 'this-is-not-a-token-of-keyform');
    const alert = page.getByRole('alert');
    await alert.getByText('TOKEN_INVALID').waitFor();
    await alert.getByText('the bearer token is not known').waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    expect((await fetchFromPage(page, '/api/console/session')).status).toBe(401);
    await page.close();
  });

  it('a tenant-A session sees nothing of tenant B', async () => {
    const page = await browser.newPage();
    await signInWith(page, acmeToken);
    await page.getByRole('banner').getByText('acme console', { exact: true }).waitFor();
    const own = await fetchFromPage(page, '/api/tenants/acme/tokens');
    expect(own.status).toBe(200);
    expect(own.body).toContain('acme console');
    const other = await fetchFromPage(page, '/api/tenants/beta/tokens');
    expect(other.status).toBe(404);
    expect(other.body).not.toContain('beta admin');
    expect(JSON.parse(other.body).error.code).toBe('TENANT_NOT_FOUND');
    await page.close();
  });

  it('cannot be used from another origin: Origin checked, no CORS', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWith(page, acmeToken);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const [cookie] = await context.cookies();
    // What a foreign page's script would send, were the cookie to travel with it.
    const foreign = await fetch(`${server.publicUrl}/api/process-manager/processTokens`, {
      method: 'POST',
      headers: {
        cookie: `kf_console=${cookie!.value}`,
        origin: 'https://evil.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        name: 'x',
        processDefnName: 'passkey-registration',
        type: 'UNLIMITED',
      }),
    });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe(
      'ORIGIN_NOT_TRUSTED',
    );
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    // And from a real other origin in the browser, the session's answers stay unreadable.
    const elsewhere = await context.newPage();
    await elsewhere.goto(`http://127.0.0.1:${new URL(server.publicUrl).port}/health`);
    const crossOrigin = await elsewhere.evaluate(async (url) => {
      try {
        await fetch(`${url}/api/console/session`, { credentials: 'include' });
        return 'readable';
      } catch {
        return 'blocked';
      }
    }, server.publicUrl);
    expect(crossOrigin).toBe('blocked');
    await context.close();
  });

  it('is keyboard-operable: Tab reaches the token field, the button, then the navigation', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.publicUrl}/`);
    await page.getByLabel('API token').waitFor();
    const focusedName = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '';
        return labelled || el.textContent || '';
      });
    const tabTo = async (name: string) => {
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press('Tab');
        if ((await focusedName()) === name) return;
      }
      throw new Error(`Tab never reached ${name}`);
    };
    await tabTo('API token');
    await page.keyboard.insertText(acmeToken);
    await tabTo('Sign in');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await tabTo('Start');
    expect(
      await page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label')),
    ).toBe('Sections');
    await page.close();
  });
});
