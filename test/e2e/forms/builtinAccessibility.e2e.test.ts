import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVirtualAuthenticator } from '../support/addVirtualAuthenticator';
import { checkAccessibility } from '../support/checkAccessibility';
import { launchChromium } from '../support/launchChromium';
import { startTestServer } from '../support/startTestServer';

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

const newPage = async () => (await browser.newContext()).newPage();

describe('the built-in forms under axe (wcag2a/wcag2aa)', () => {
  it('the registration form has no violations, empty and with its errors shown', async () => {
    const page = await newPage();
    await page.goto(server.startLink);
    await page.getByLabel('User name').waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await page.getByRole('button', { name: 'Submit for Registration' }).click();
    await expect.poll(() => page.getByLabel('User name').getAttribute('aria-invalid')).toBe('true');
    expect(await checkAccessibility(page)).toEqual([]);
    await page.context().close();
  });

  it('the retry form (after a cancelled prompt) has no violations', async () => {
    const page = await newPage();
    await addVirtualAuthenticator(page, { isUserVerified: false });
    await page.goto(server.startLink);
    await page.getByLabel('User name').fill('axe');
    await page.getByLabel('Display name').fill('Axe Tester');
    await page.getByRole('button', { name: 'Submit for Registration' }).click();
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await page.context().close();
  });
});
