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

const count = (table: 'users' | 'passkeys') =>
  (server.storage.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('the journey in Chromium, off the happy path', () => {
  it('shows field errors for invalid input and stores nothing', async () => {
    const page = await browser.newPage();
    await addVirtualAuthenticator(page);
    await page.goto(server.startLink);
    await page.getByLabel('User name').fill('not valid');
    await page.getByRole('button', { name: 'Submit for Registration' }).click();
    await page.getByText('Use only letters, digits and . _ @ + - (no spaces).').waitFor();
    await page.getByText('Please enter a display name.').waitFor();
    expect(await page.getByLabel('User name').getAttribute('aria-invalid')).toBe('true');
    expect(count('users')).toBe(0);
    expect(count('passkeys')).toBe(0);
    await page.close();
  });

  it('tells a stale tab that the registration moved on', async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await addVirtualAuthenticator(first);
    await first.goto(server.startLink);
    await first.getByLabel('User name').waitFor();
    const second = await context.newPage();
    await addVirtualAuthenticator(second);
    await second.goto(first.url());
    await second.getByLabel('User name').fill('tab-two');
    await second.getByLabel('Display name').fill('Tab Two');
    await second.getByRole('button', { name: 'Submit for Registration' }).click();
    await second.getByText('Your passkey was registered successfully.').waitFor();

    await first.getByLabel('User name').fill('tab-one');
    await first.getByLabel('Display name').fill('Tab One');
    await first.getByRole('button', { name: 'Submit for Registration' }).click();
    await first.getByRole('heading', { name: 'This page is out of date' }).waitFor();
    await first.getByRole('button', { name: 'Load the current step' }).click();
    await first.getByText('Your passkey was registered successfully.').waitFor();
    await context.close();
  });

  it('shows an uploaded v2 of the form on a new instance while a running one keeps v1', async () => {
    const running = await browser.newPage();
    await addVirtualAuthenticator(running);
    await running.goto(server.startLink);
    await running.getByLabel('User name').waitFor();

    const v1 = (await server.api('GET', '/api/forms/passkey-registration/versions/1')).body
      .definition;
    v1.i18n.en['userName.label'] = 'Work email';
    const uploaded = await server.api('POST', '/api/forms/passkey-registration/versions', v1);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.version).toBe(2);

    const fresh = await browser.newPage();
    await addVirtualAuthenticator(fresh);
    await fresh.goto(server.startLink);
    await fresh.getByLabel('Work email').waitFor();

    await running.reload();
    await running.getByLabel('User name').fill('still-v1');
    await running.getByLabel('Display name').fill('Still V1');
    await running.getByRole('button', { name: 'Submit for Registration' }).click();
    await running.getByText('Your passkey was registered successfully.').waitFor();
    await running.close();
    await fresh.close();
  });
});
