import { getExamples } from '@jsonforms/examples';
import { describe, expect, it } from 'vitest';
import {
  descriptionOf,
  expectAccessible,
  finished,
  isFocused,
  startFormJourneys,
  submit,
  tamperNextSubmit,
} from '../support/formPage';

type Form = Parameters<ReturnType<typeof startFormJourneys>>[0];

const open = startFormJourneys();
/**
 * With the page's CSP (as served) ajv cannot compile, so the server judges each submit;
 * without it (`bypassCSP`), JSON Forms validates in the browser and refuses before any request.
 */
const openForm = (form: Form, { bypassCSP = false } = {}) =>
  open(form, { bypassCSP, timeoutMs: 5000 });

/** One of JSON Forms' own examples (@jsonforms/examples), as the JSON an integrator uploads. */
function example(name: string) {
  const found = getExamples().find((entry) => entry.name === name);
  if (!found) throw new Error(`no JSON Forms example ${name}`);
  return JSON.parse(JSON.stringify({ schema: found.schema, uischema: found.uischema })) as {
    schema: Record<string, unknown>;
    uischema: Record<string, unknown>;
  };
}

const control = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'Control',
  scope: `#/properties/${name}`,
  ...extra,
});

describe('Categorization as tabs in Chromium', () => {
  const form: Form = {
    name: 'tabs-form',
    schema: {
      type: 'object',
      required: ['firstName'],
      properties: {
        firstName: { type: 'string', title: 'First name', minLength: 2 },
        email: { type: 'string', title: 'Email', format: 'email' },
        address: {
          type: 'object',
          properties: {
            city: { type: 'string', title: 'City' },
            postalCode: { type: 'string', title: 'Postal code', pattern: '^[0-9]{5}$' },
          },
        },
        note: { type: 'string', title: 'Note', maxLength: 20 },
      },
    },
    uischema: {
      type: 'Categorization',
      elements: [
        { type: 'Category', label: 'Personal', elements: [control('firstName'), control('email')] },
        {
          type: 'Category',
          i18n: 'addressCategory',
          elements: [
            {
              type: 'HorizontalLayout',
              elements: [
                control('address/properties/city'),
                control('address/properties/postalCode'),
              ],
            },
          ],
        },
        { type: 'Category', label: 'Extra', elements: [control('note')] },
      ],
    },
    i18n: { en: { 'addressCategory.label': 'Address' } },
  };

  it.each([
    ['the server', false],
    ['the browser', true],
  ])(
    'moves between tabs by keyboard, opens the category %s refuses, stores the data',
    async (_, bypassCSP) => {
      const { page, journey } = await openForm(
        { ...form, name: `tabs-${bypassCSP}` },
        { bypassCSP },
      );
      const tab = (name: string) => page.getByRole('tab', { name, exact: true });
      await tab('Personal').waitFor();
      await expect.poll(() => tab('Personal').getAttribute('aria-selected')).toBe('true');
      await expectAccessible(page);

      // The ARIA tabs pattern: one tab stop, arrows wrap, Home/End, selection follows focus.
      await tab('Personal').focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => isFocused(tab('Address'))).toBe(true);
      await expect.poll(() => tab('Address').getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => tab('Personal').getAttribute('tabindex')).toBe('-1');
      await page.getByLabel('City').waitFor();
      await page.keyboard.press('End');
      await expect.poll(() => isFocused(tab('Extra'))).toBe(true);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => isFocused(tab('Personal'))).toBe(true);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => isFocused(tab('Extra'))).toBe(true);
      await page.keyboard.press('Home');
      await expect.poll(() => tab('Personal').getAttribute('aria-selected')).toBe('true');

      await page.getByLabel('First name').fill('Ada');
      await page.getByLabel('Email').fill('ada@example.com');
      await tab('Address').click();
      await page.getByLabel('City').fill('Berlin');
      await page.getByLabel('Postal code').fill('10A15');
      await tab('Extra').click();
      await page.getByLabel('Note').fill('Hi');

      // Refused: the Address tab opens, is marked, and its field has focus.
      await submit(page);
      await tab('Address, has errors').waitFor();
      await expect
        .poll(() => tab('Address, has errors').getAttribute('aria-selected'))
        .toBe('true');
      const postalCode = page.getByLabel('Postal code');
      await expect.poll(() => postalCode.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => isFocused(postalCode)).toBe(true);
      await expect.poll(() => descriptionOf(postalCode)).not.toBe('');
      await expectAccessible(page);

      await postalCode.fill('10115');
      await tab('Address').waitFor();

      // Refused by the server (a client that skipped our checks): Extra opens, marked.
      await tamperNextSubmit(page, (data) => {
        data.note = 'x'.repeat(30);
      });
      await submit(page);
      await tab('Extra, has errors').waitFor();
      await expect.poll(() => tab('Extra, has errors').getAttribute('aria-selected')).toBe('true');
      const note = page.getByLabel('Note');
      await expect.poll(() => note.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => isFocused(note)).toBe(true);
      await expectAccessible(page);

      await note.fill('Hello');
      await submit(page);
      await finished(page, journey.endMessage);
      expect(await journey.storedData(page)).toEqual({
        firstName: 'Ada',
        email: 'ada@example.com',
        address: { city: 'Berlin', postalCode: '10115' },
        note: 'Hello',
      });
      await page.close();
    },
  );

  it("renders JSON Forms' nested Categorization example, a tab strip inside a tab", async () => {
    const { page, journey } = await openForm({
      name: 'nested-categorization',
      ...example('nestedCategorization'),
    });
    await page.getByRole('tab', { name: 'Cat2', exact: true }).click();
    await page.getByRole('tab', { name: 'SubCat2-2', exact: true }).click();
    await page.getByLabel('Subcat 22').fill('deep');
    await page.getByRole('tab', { name: 'Cat3', exact: true }).click();
    await page.getByRole('tab', { name: 'SubCat3-3', exact: true }).click();
    await page.getByLabel('Subcat 33').fill('deeper');
    await expectAccessible(page);
    await submit(page);
    await finished(page, journey.endMessage);
    expect(await journey.storedData(page)).toEqual({
      cat2: { subcat22: 'deep' },
      cat3: { subcat33: 'deeper' },
    });
    await page.close();
  });
});

describe('Categorization as a stepper in Chromium', () => {
  it("walks JSON Forms' stepper example with Next/Back and returns to the step with an error", async () => {
    const { page, journey } = await openForm({
      name: 'stepper-form',
      ...example('categorization-stepper-nav-buttons'),
      i18n: { en: { categoryLabelKey: 'Basic', 'address.label': 'Address' } },
    });
    const status = (text: string) => page.getByText(text, { exact: true });
    await status('Step 1 of 1: Basic').waitFor();
    await expectAccessible(page);

    // A rule (SHOW when provideAddress) adds the Address step live.
    await page.getByLabel('Provide Address').check();
    await status('Step 1 of 2: Basic').waitFor();
    await page.getByLabel('First Name').fill('Ada');
    expect(await page.getByRole('button', { name: 'Back' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Next' }).click();
    await status('Step 2 of 2: Address').waitFor();
    await expect.poll(() => isFocused(status('Step 2 of 2: Address'))).toBe(true);
    expect(await page.getByRole('button', { name: 'Next' }).count()).toBe(0);
    await page.getByLabel('Street', { exact: true }).fill('Main Street');
    await page.getByLabel('City').fill('Berlin');
    await page.getByLabel('Postal Code').fill('123456');
    await page.getByRole('button', { name: 'Back' }).click();
    await status('Step 1 of 2: Basic').waitFor();
    await expectAccessible(page);

    await submit(page);
    await status('Step 2 of 2: Address').waitFor();
    const step = page.getByRole('button', { name: 'Address, has errors' });
    await expect.poll(() => step.getAttribute('aria-current')).toBe('step');
    const postalCode = page.getByLabel('Postal Code');
    await expect.poll(() => postalCode.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => isFocused(postalCode)).toBe(true);
    await expectAccessible(page);

    await postalCode.fill('12345');
    await submit(page);
    await finished(page, journey.endMessage);
    expect(await journey.storedData(page)).toEqual({
      firstName: 'Ada',
      provideAddress: true,
      address: { street: 'Main Street', city: 'Berlin', postalCode: '12345' },
    });
    await page.close();
  });
});

describe('rules in Chromium', () => {
  it('shows, hides, enables and disables fields live (AND/OR conditions), keeping hidden data', async () => {
    const { page, journey } = await openForm({
      name: 'rules-form',
      schema: {
        type: 'object',
        properties: {
          subscribe: { type: 'boolean', title: 'Subscribe to news' },
          email: { type: 'string', title: 'Email', format: 'email' },
          country: { type: 'string', title: 'Country', enum: ['DE', 'US', 'Other'] },
          otherCountry: { type: 'string', title: 'Other country' },
          vip: { type: 'boolean', title: 'VIP' },
          discount: { type: 'integer', title: 'Discount', minimum: 0, maximum: 50 },
          remarks: { type: 'string', title: 'Remarks' },
        },
      },
      uischema: {
        type: 'VerticalLayout',
        elements: [
          control('subscribe'),
          control('email', {
            rule: {
              effect: 'SHOW',
              condition: { scope: '#/properties/subscribe', schema: { const: true } },
            },
          }),
          control('country'),
          control('otherCountry', {
            rule: {
              effect: 'HIDE',
              condition: { scope: '#/properties/country', schema: { not: { const: 'Other' } } },
            },
          }),
          control('vip'),
          control('discount', {
            rule: {
              effect: 'ENABLE',
              condition: {
                type: 'AND',
                conditions: [
                  { scope: '#/properties/subscribe', schema: { const: true } },
                  { scope: '#/properties/vip', schema: { const: true } },
                ],
              },
            },
          }),
          {
            type: 'Group',
            label: 'More',
            elements: [control('remarks')],
            rule: {
              effect: 'DISABLE',
              condition: {
                type: 'OR',
                conditions: [
                  { scope: '#/properties/country', schema: { const: 'US' } },
                  { scope: '#/properties/vip', schema: { const: true }, failWhenUndefined: true },
                ],
              },
            },
          },
        ],
      },
    });
    const email = page.getByLabel('Email');
    const readOnly = (label: string) =>
      page.getByLabel(label).evaluate((element) => (element as HTMLInputElement).readOnly);
    expect(await email.count()).toBe(0);
    expect(await page.getByLabel('Other country').count()).toBe(0);
    expect(await readOnly('Discount')).toBe(true);
    expect(await readOnly('Remarks')).toBe(false);
    await expectAccessible(page);

    await page.getByLabel('Subscribe to news').check();
    await email.fill('not-an-email');
    await page.getByLabel('Subscribe to news').uncheck();
    await email.waitFor({ state: 'detached' });
    await page.getByLabel('Subscribe to news').check();
    // Hidden, the field kept its value, as @jsonforms/core keeps a hidden control's data.
    expect(await email.inputValue()).toBe('not-an-email');

    await page.getByLabel('Country').selectOption({ label: 'US' });
    expect(await readOnly('Remarks')).toBe(true);
    await page.getByLabel('Country').selectOption({ label: 'Other' });
    expect(await readOnly('Remarks')).toBe(false);
    await page.getByLabel('Other country').fill('Narnia');
    await page.getByLabel('Remarks').fill('none');
    await page.getByLabel('VIP').check();
    expect(await readOnly('Discount')).toBe(false);
    expect(await readOnly('Remarks')).toBe(true);
    await page.getByLabel('Discount').fill('10');

    await submit(page);
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => isFocused(email)).toBe(true);
    await expect.poll(() => descriptionOf(email)).not.toBe('');
    await expectAccessible(page);

    await email.fill('ada@example.com');
    await submit(page);
    await finished(page, journey.endMessage);
    expect(await journey.storedData(page)).toEqual({
      subscribe: true,
      email: 'ada@example.com',
      country: 'Other',
      otherCountry: 'Narnia',
      remarks: 'none',
      vip: true,
      discount: 10,
    });
    await page.close();
  });

  it("applies the rules of JSON Forms' rule example live", async () => {
    const rule = example('rule');
    // Its last rule is a JavaScript `validate` function, which JSON cannot carry (the upload
    // refuses the empty condition left of it): the same condition, written as JSON Forms'
    // schema-based AND, as an integrator would upload it.
    const group = (rule.uischema.elements as { elements: { rule?: unknown }[] }[])[2];
    const vitamins = group?.elements[2];
    if (!vitamins) throw new Error('the rule example changed shape');
    vitamins.rule = {
      effect: 'SHOW',
      condition: {
        type: 'AND',
        conditions: [
          { scope: '#/properties/dead', schema: { not: { const: true } } },
          { scope: '#/properties/kindOfVegetables', schema: { not: { const: 'All' } } },
        ],
      },
    };
    const { page, journey } = await openForm({ name: 'rule-example', ...rule });
    const kindOfDead = page.getByLabel('Kind of dead');
    expect(await kindOfDead.isDisabled()).toBe(true);
    await expectAccessible(page);
    expect(await page.getByLabel('Vitamin deficiency?').count()).toBe(1);
    await page.getByLabel('Is Dead?').check();
    expect(await kindOfDead.isDisabled()).toBe(false);
    await page.getByLabel('Vitamin deficiency?').waitFor({ state: 'detached' });
    await kindOfDead.selectOption({ label: 'Vampire' });
    await page.getByLabel('Eats vegetables?').check();
    await page.getByLabel('Eats vegetables?').uncheck();
    await page.getByLabel('Kind of vegetables').waitFor({ state: 'detached' });
    await page.getByLabel('Name').fill('John Doe');
    await expectAccessible(page);
    await submit(page);
    await finished(page, journey.endMessage);
    expect(await journey.storedData(page)).toEqual({
      name: 'John Doe',
      dead: true,
      kindOfDead: 'Vampire',
      vegetables: false,
    });
    await page.close();
  });
});

describe('ListWithDetail in Chromium', () => {
  it("adds, selects and deletes items of JSON Forms' list-with-detail example and stores them", async () => {
    const { page, journey } = await openForm({
      name: 'list-detail',
      ...example('list-with-detail'),
    });
    await page.getByText('No data').waitFor();
    await expectAccessible(page);
    const add = page.getByRole('button', { name: 'Add to Orders' });
    const title = page.getByLabel('Official Title');

    await add.click();
    await title.fill('Robots');
    await page.getByLabel('Name', { exact: true }).fill('sirius@example.com');
    await page.getByRole('button', { name: '1. sirius@example.com', exact: true }).waitFor();
    await add.click();
    await expect
      .poll(() =>
        page.getByRole('button', { name: 'Item 2', exact: true }).getAttribute('aria-current'),
      )
      .toBe('true');
    await title.fill('Oil');
    await add.click();
    await title.fill('Spare item');
    await page.getByRole('button', { name: 'Delete Item 3' }).click();
    expect(await page.getByRole('button', { name: 'Item 3', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: '1. sirius@example.com', exact: true }).click();
    expect(await title.inputValue()).toBe('Robots');
    await expectAccessible(page);

    // Refused: the item with the short title opens, marked, and its field has focus.
    await submit(page);
    const second = page.getByRole('button', { name: 'Item 2, has errors', exact: true });
    await expect.poll(() => second.getAttribute('aria-current')).toBe('true');
    expect(await title.inputValue()).toBe('Oil');
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => isFocused(title)).toBe(true);
    await expectAccessible(page);

    await title.fill('Oil drums');
    await submit(page);
    await finished(page, journey.endMessage);
    expect(await journey.storedData(page)).toEqual({
      orders: [
        { title: 'Robots', customer: { name: 'sirius@example.com' } },
        { title: 'Oil drums' },
      ],
    });
    await page.close();
  });
});

describe('oneOf in Chromium', () => {
  it("switches alternatives of JSON Forms' oneOf example, asking before it clears data", async () => {
    const { page, journey } = await openForm({ name: 'one-of', ...example('oneOf') });
    const choice = page.getByRole('group', { name: 'Address Or User' });
    await choice.waitFor();
    expect(await choice.getByLabel('Option 1').isChecked()).toBe(true);
    await expectAccessible(page);

    await page.getByRole('textbox', { name: 'Name', exact: true }).first().fill('Ada');
    const first = page.getByRole('group', { name: 'Option 1' });
    await first.getByLabel('Street Address').fill('Main Street 1');

    // Switching would drop what was entered: asked inline, once; "No" keeps everything.
    await choice.getByLabel('Option 2').click();
    const confirm = page.getByRole('group', { name: 'Clear form?' });
    await confirm.waitFor();
    await expect.poll(() => isFocused(confirm)).toBe(true);
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'No' }).click();
    expect(await choice.getByLabel('Option 1').isChecked()).toBe(true);
    expect(await first.getByLabel('Street Address').inputValue()).toBe('Main Street 1');

    await choice.getByLabel('Option 2').click();
    await confirm.getByRole('button', { name: 'Yes' }).click();
    expect(await choice.getByLabel('Option 2').isChecked()).toBe(true);
    const second = page.getByRole('group', { name: 'Option 2' });
    await second.getByRole('textbox', { name: 'Name', exact: true }).fill('User');

    await submit(page);
    const mail = second.getByLabel('Mail');
    await expect.poll(() => mail.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => descriptionOf(mail)).toContain('required');
    // Focus goes to a field with an error inside the chosen alternative, not to the choice.
    expect(await second.evaluate((group) => group.contains(document.activeElement))).toBe(true);
    await expectAccessible(page);

    await mail.fill('mail@example.com');
    await submit(page);
    await finished(page, journey.endMessage);
    expect(await journey.storedData(page)).toEqual({
      name: 'Ada',
      addressOrUser: { name: 'User', mail: 'mail@example.com' },
    });
    await page.close();
  });
});
