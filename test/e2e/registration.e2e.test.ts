import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVirtualAuthenticator } from './support/addVirtualAuthenticator';
import { launchChromium } from './support/launchChromium';
import { startTestServer } from './support/startTestServer';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const countPasskeys = () =>
  (server.storage.sqlite.prepare('select count(*) as n from passkeys').get() as { n: number }).n;

describe('the seeded start link in Chromium', () => {
  it('registers a passkey: form → Submit for Registration → success, stored via the API', async () => {
    const page = await browser.newPage();
    const authenticator = await addVirtualAuthenticator(page);
    const started = Date.now();
    await page.goto(server.startLink);
    await page.getByLabel('User name').fill('ada');
    await page.getByLabel('Display name').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Submit for Registration' }).click();
    await page.getByText('Your passkey was registered successfully.').waitFor();
    const elapsed = Date.now() - started;
    console.info(`start link → stored passkey: ${elapsed} ms`);

    const user = await server.api('GET', '/api/identity-store/stores/default/users?size=200');
    const ada = user.body.items.find((u: { userKey: string }) => u.userKey === 'ada');
    expect(ada).toBeDefined();
    const passkeys = await server.api(
      'GET',
      `/api/identity-store/stores/default/users/${ada.id}/passkeys`,
    );
    expect(passkeys.body.items).toHaveLength(1);
    const [credential] = await authenticator.credentials();
    expect(passkeys.body.items[0].credentialId).toBe(
      credential?.credentialId.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'),
    );
    await page.close();
  });

  it('cancel (no user verification) → retry form → second attempt succeeds', async () => {
    const before = countPasskeys();
    const page = await browser.newPage();
    const authenticator = await addVirtualAuthenticator(page, { isUserVerified: false });
    await page.goto(server.startLink);
    await page.getByLabel('User name').fill('grace');
    await page.getByLabel('Display name').fill('Grace Hopper');
    await page.getByRole('button', { name: 'Submit for Registration' }).click();
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    expect(countPasskeys()).toBe(before);

    await authenticator.setUserVerified(true);
    await page.getByRole('button', { name: 'Try again' }).click();
    expect(await page.getByLabel('User name').inputValue()).toBe('grace');
    await page.getByRole('button', { name: 'Submit for Registration' }).click();
    await page.getByText('Your passkey was registered successfully.').waitFor();
    expect(countPasskeys()).toBe(before + 1);
    await page.close();
  });
});
