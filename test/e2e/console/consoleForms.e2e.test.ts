import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from '../support/checkAccessibility';
import { launchChromium } from '../support/launchChromium';
import { startTestServer } from '../support/startTestServer';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  const minted = await server.api('POST', '/api/tenants/default/tokens', {
    name: 'console forms',
    permissions: ['TNT#default#*'],
  });
  token = minted.body.token;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Sign in to the console as the page's own origin would (the session cookie, never a token). */
async function signIn(page: Page) {
  // Fail at the step that waits, well before the test's own timeout.
  page.setDefaultTimeout(5000);
  await page.goto(`${server.publicUrl}/`);
  const status = await page.evaluate(async (secret) => {
    const response = await fetch('/api/console/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: secret }),
    });
    return response.status;
  }, token);
  expect(status).toBe(201);
}

/** Replace an editor's whole text by keyboard: focus it by its accessible name, select all, type. */
async function replaceEditorText(page: Page, name: string, text: string) {
  const editor = page.getByRole('textbox', { name, exact: true });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

describe('console: forms', () => {
  it('edits the registration form with a live preview, publishes v2 and compares v1/v2', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.goto(`${server.publicUrl}/console/forms`);
    await page.getByRole('link', { name: 'passkey-registration' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await page.getByRole('link', { name: 'passkey-registration' }).click();
    await page.getByRole('heading', { name: 'Form passkey-registration' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);

    await page.getByRole('link', { name: 'Version 1' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByLabel('User name').waitFor();
    await page.getByRole('textbox', { name: 'i18n', exact: true }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);

    // The label a user sees comes from the i18n (it wins over the uischema's label).
    const v1 = (await server.api('GET', '/api/forms/passkey-registration/versions/1')).body;
    const i18n = structuredClone(v1.definition.i18n);
    i18n.en['userName.label'] = 'Your login name';
    await replaceEditorText(page, 'i18n', JSON.stringify(i18n, null, 2));
    await preview.getByLabel('Your login name').waitFor();

    // "Try it": the server's dry run of the preview's data (the console's CSP stops ajv, so
    // these errors are the server's own, in the form's words).
    await preview.getByLabel('Your login name').fill('ada lovelace');
    await preview.getByLabel('Display name').fill('Ada');
    await preview.getByRole('button', { name: 'Try it' }).click();
    await preview.getByText('Use only letters, digits and . _ @ + - (no spaces).').waitFor();
    await preview.getByLabel('Your login name').fill('ada.lovelace');
    await preview.getByLabel('Display name').fill('Ada');
    await preview.getByRole('button', { name: 'Try it' }).click();
    await preview.getByText('The server accepts this data.').waitFor();

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published version 2.').waitFor();
    const v2 = await server.api('GET', '/api/forms/passkey-registration/versions/2');
    expect(v2.status).toBe(200);
    expect(v2.body.definition.i18n.en['userName.label']).toBe('Your login name');
    expect(v2.body.definition.schema).toEqual(v1.definition.schema);

    // An invalid schema: its error is shown, nothing is published, the last good preview stays.
    const schema = structuredClone(v1.definition.schema);
    schema.properties.userName.type = 'strin';
    await replaceEditorText(page, 'schema', JSON.stringify(schema, null, 2));
    const schemaErrors = page.getByRole('list', { name: 'Errors in schema' });
    await schemaErrors
      .getByText(/\/properties\/userName\/type .*not valid draft-07/)
      .first()
      .waitFor();
    // ...and marked at its line in the editor (CodeMirror's lint range has no role to find it by).
    const marked = page
      .getByRole('textbox', { name: 'schema', exact: true })
      .locator('.cm-lintRange-error');
    await marked.filter({ hasText: '"strin"' }).first().waitFor();
    await page.getByRole('alert').getByText('FORM_INVALID').waitFor();
    await preview.getByLabel('Your login name').waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('alert').getByText('FORM_INVALID').waitFor();
    const versions = await server.api('GET', '/api/forms/passkey-registration/versions');
    expect(versions.body.items).toHaveLength(2);

    // Compare v1 with v2: the changed label, removed and added.
    await page.getByRole('link', { name: 'passkey-registration' }).click();
    const compare = page.getByRole('region', { name: 'Compare versions' });
    await compare.getByLabel('From version').selectOption('1');
    await compare.getByLabel('To version').selectOption('2');
    await compare.getByRole('button', { name: 'Compare' }).click();
    await compare.getByText('Version 1 → version 2: 2 changed line(s)').waitFor();
    expect(await compare.locator('ins').allInnerTexts()).toEqual([
      expect.stringContaining('"userName.label": "Your login name"'),
    ]);
    expect(await compare.locator('del').allInnerTexts()).toEqual([
      expect.stringContaining('"userName.label": "User name"'),
    ]);
    expect(await checkAccessibility(page)).toEqual([]);
    await page.close();
  });

  it('shows a JSON syntax error, keeps the last good preview and switches its locale', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.goto(`${server.publicUrl}/console/forms/passkey-registration/1`);
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByLabel('User name').waitFor();
    await page.getByRole('textbox', { name: 'uischema', exact: true }).waitFor();
    await replaceEditorText(page, 'uischema', '{"type": "VerticalLayout", "elements": [');
    await page
      .getByRole('alert')
      .getByText(/^uischema: /)
      .waitFor();
    await preview.getByLabel('User name').waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    // The locale switcher offers the i18n's locales and shows the preview in them.
    await page.getByLabel('Preview locale').selectOption('de');
    await preview.getByLabel('Benutzername').waitFor();
    await page.close();
  });
});
