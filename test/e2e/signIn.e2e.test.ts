import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVirtualAuthenticator } from './support/addVirtualAuthenticator';
import { checkAccessibility } from './support/checkAccessibility';
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

/**
 * A browser without passkey autofill (conditional mediation): sign-in happens through the
 * button only. Chromium's virtual authenticator answers a conditional request at once, which
 * would sign in before any button could be pressed.
 */
async function withoutAutofill(context: BrowserContext) {
  await context.addInitScript(() => {
    PublicKeyCredential.isConditionalMediationAvailable = async () => false;
  });
}

/** Register `userName` from the printed registration link; the page's authenticator keeps it. */
async function register(page: Page, userName: string, displayName: string) {
  await page.goto(server.startLink);
  await page.getByLabel('User name').fill(userName);
  await page.getByLabel('Display name').fill(displayName);
  await page.getByRole('button', { name: 'Submit for Registration' }).click();
  await page.getByText('Your passkey was registered successfully.').waitFor();
}

const expectAccessible = async (page: Page) => expect(await checkAccessibility(page)).toEqual([]);

describe('passkey sign-in from the printed link in Chromium', () => {
  it('registers, then signs in with the button and a typed user name', async () => {
    const context = await browser.newContext();
    await withoutAutofill(context);
    const page = await context.newPage();
    await addVirtualAuthenticator(page);
    await register(page, 'ada', 'Ada Lovelace');

    await page.goto(server.signInLink);
    const userName = page.getByLabel('User name');
    await userName.waitFor();
    expect(await userName.getAttribute('autocomplete')).toBe('username webauthn');
    await expectAccessible(page);
    // Keyboard only: type the name, Tab to the button, press Enter.
    await userName.fill('ada');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Sign in with a passkey');
    await page.keyboard.press('Enter');
    await page.getByText('You are signed in as Ada Lovelace.').waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('signs in through passkey autofill (conditional mediation), no button pressed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await addVirtualAuthenticator(page);
    await register(page, 'grace', 'Grace Hopper');
    expect(await page.evaluate(() => PublicKeyCredential.isConditionalMediationAvailable())).toBe(
      true,
    );
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/steps/')) posts.push(r.postData() ?? '');
    });

    await page.goto(server.signInLink);
    await page.getByLabel('User name').focus();
    await page.getByText('You are signed in as Grace Hopper.').waitFor();
    // One answer, the browser's response, straight from the form: the button was never used.
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]!)).toMatchObject({ action: 'submit', browserResponse: {} });
    expect(JSON.parse(posts[0]!).data).toBeUndefined();
    await context.close();
  });

  it('cancel during the prompt → retry form → signs in', async () => {
    const context = await browser.newContext();
    await withoutAutofill(context);
    const page = await context.newPage();
    const authenticator = await addVirtualAuthenticator(page);
    await register(page, 'linus', 'Linus');
    // The prompt waits for a touch that does not come: the user cancels it from the page.
    await authenticator.setPresence(false);

    await page.goto(server.signInLink);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await cancel.waitFor();
    await expectAccessible(page);
    await cancel.click();
    await page.getByText('Signing in with a passkey was cancelled or did not complete.').waitFor();
    await expectAccessible(page);

    await authenticator.setPresence(true);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByText('You are signed in as Linus.').waitFor();
    await context.close();
  });

  it('a browser with no passkey for the site takes the noPasskey route', async () => {
    const context = await browser.newContext();
    await withoutAutofill(context);
    const page = await context.newPage();
    await addVirtualAuthenticator(page);
    await page.goto(server.signInLink);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByRole('heading', { name: 'No passkey found' }).waitFor();
    await page
      .getByText('No passkey for this site was found on this device.', { exact: false })
      .waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
    await context.close();
  });
});
