import { getExamples } from '@jsonforms/examples';
import { describe, expect, it } from 'vitest';
import {
  descriptionOf,
  expectAccessible,
  finished,
  recordSubmissions,
  startFormJourneys,
  submit,
  tamperNextSubmit,
} from '../support/formPage';

type Form = Parameters<ReturnType<typeof startFormJourneys>>[0];

const open = startFormJourneys();
/** On a fixed clock zone, so a picked date-time's stored offset is known. */
const openForm = (form: Form) => open(form, { timezoneId: 'Europe/Berlin', locale: 'en-GB' });

const control = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'Control',
  scope: `#/properties/${name}`,
  ...extra,
});

const everyControl: Form = {
  name: 'every-control',
  schema: {
    type: 'object',
    properties: {
      first_name: { type: 'string', minLength: 2 },
      birthDate: { type: 'string', format: 'date' },
      alarm: { type: 'string', format: 'time' },
      meeting: { type: 'string', format: 'date-time' },
      plan: { type: 'string', enum: ['free', 'pro'] },
      size: {
        type: 'string',
        oneOf: [
          { const: 's', title: 'Small' },
          { const: 'l', title: 'Large' },
        ],
      },
      newsletter: { type: 'boolean' },
      volume: { type: 'integer', minimum: 0, maximum: 10, default: 3 },
      notes: { type: 'string' },
      price: { type: 'number', minimum: 1, maximum: 100, default: 50 },
      guests: { type: 'integer', minimum: 1, maximum: 9 },
      referral: { type: 'string', minLength: 2, default: 'web' },
    },
    // `referral` is required but not in the layout: its default fills it.
    required: ['first_name', 'birthDate', 'plan', 'referral'],
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      control('first_name'),
      control('birthDate'),
      control('alarm', { label: 'Alarm time' }),
      control('meeting'),
      control('plan', { options: { format: 'radio' } }),
      control('size', { options: { format: 'radio' } }),
      control('newsletter', { options: { toggle: true } }),
      control('volume', { options: { slider: true } }),
      control('notes', { options: { multi: true } }),
      control('price', { label: 'Price' }),
      control('price', { label: 'Price with slider', options: { slider: true } }),
      control('guests'),
    ],
  },
  i18n: { en: { 'plan.free': 'Free plan', 'plan.pro': 'Professional plan' } },
};

describe('dates, radios, toggles, sliders, multi-line and number controls in Chromium', () => {
  it('fills every control by name, shows client and server errors at the field, stores exactly what was entered', async () => {
    const { page, journey } = await openForm(everyControl);
    const submissions = recordSubmissions(page);
    await expectAccessible(page);

    // Defaults are shown on load; a property shown twice has two labelled controls.
    const volume = page.getByRole('slider', { name: 'Volume' });
    await expect.poll(() => volume.getAttribute('aria-valuetext')).toBe('3');
    const price = page.getByRole('textbox', { name: 'Price', exact: true });
    const priceSlider = page.getByRole('slider', { name: 'Price with slider' });
    expect(await price.inputValue()).toBe('50');
    expect(await price.getAttribute('id')).not.toBe(await priceSlider.getAttribute('id'));

    await page.getByLabel('First Name').fill('A');
    await page.getByLabel('Birth Date').fill('1990-04-01');
    await page.getByLabel('Alarm time').fill('07:30:15');
    await page.getByLabel('Meeting').fill('2024-05-01T13:37');
    await page.getByRole('group', { name: 'Plan' }).waitFor();
    await page.getByRole('radio', { name: 'Professional plan' }).check();
    await page.getByRole('radio', { name: 'Large' }).check();
    const toggle = page.getByRole('switch', { name: 'Newsletter' });
    await toggle.check();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await volume.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => volume.getAttribute('aria-valuetext')).toBe('7');
    await page.getByText('7', { exact: true }).waitFor();
    await page.getByLabel('Notes').fill('Line 1\nLine 2');
    await price.fill('20');
    expect(await priceSlider.inputValue()).toBe('20');
    await page.getByRole('textbox', { name: 'Guests' }).fill('4');

    // One invalid value: refused before it is sent (the server's dry run), the server's
    // message at its field, which gets focus.
    await submit(page);
    const firstName = page.getByLabel('First Name');
    await expect.poll(() => firstName.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => descriptionOf(firstName)).toBe('This is too short.');
    await expect.poll(() => firstName.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(submissions).toEqual([]);
    await expectAccessible(page);

    // Fixed; the server's own verdict on a tampered value shows at that field, and its error
    // for the unshown (default-filled) `referral` is listed at the top, naming the field.
    await firstName.fill('Ada');
    await tamperNextSubmit(page, (data) => {
      data.guests = 'many';
      data.referral = 'x';
    });
    await submit(page);
    const guests = page.getByRole('textbox', { name: 'Guests' });
    await expect.poll(() => guests.getAttribute('aria-invalid')).toBe('true');
    // The server's message (the form's wording for `type`), tied to the field.
    await expect.poll(() => descriptionOf(guests)).toMatch(/\S/);
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('Referral:');
    await expectAccessible(page);

    await guests.fill('5');
    await guests.fill('4');
    await submit(page);
    await finished(page, journey.endMessage);
    expect(await journey.storedData(page)).toEqual({
      first_name: 'Ada',
      birthDate: '1990-04-01',
      alarm: '07:30:15',
      meeting: '2024-05-01T13:37:00+02:00',
      plan: 'pro',
      size: 'l',
      newsletter: true,
      volume: 7,
      notes: 'Line 1\nLine 2',
      price: 20,
      guests: 4,
      referral: 'web',
    });
    await page.context().close();
  });

  it('lists a required field the layout leaves out, by its name, instead of refusing silently', async () => {
    const { page } = await openForm({
      name: 'unshown-required',
      schema: {
        type: 'object',
        properties: { nickname: { type: 'string' }, referralCode: { type: 'string' } },
        required: ['nickname', 'referralCode'],
      },
      uischema: { type: 'VerticalLayout', elements: [control('nickname')] },
    });
    await page.getByLabel('Nickname').fill('ada');
    await submit(page);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    // The form's own wording for `required`, prefixed with the field it is about.
    expect(await alert.textContent()).toMatch(/^Referral Code: \S/);
    expect(await alert.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page);
    await page.context().close();
  });
});

describe('JSON Forms’ own examples of these controls', () => {
  const example = (name: string) => {
    const found = getExamples().find((e) => e.name === name);
    if (!found) throw new Error(`no example ${name}`);
    return found;
  };

  it('dates: native date, time and datetime-local inputs, stored as JSON Forms validates them', async () => {
    const { schema, uischema } = example('dates');
    const { page, journey } = await openForm({ name: 'example-dates', schema, uischema });
    await expectAccessible(page);
    const date = page.getByLabel('Date', { exact: true }).first();
    await expect.poll(() => date.getAttribute('type')).toBe('date');
    await date.fill('2024-02-29');
    await page.getByLabel('Time', { exact: true }).first().fill('13:37');
    await page.getByLabel('Datetime', { exact: true }).first().fill('2024-02-29T08:05');
    await submit(page);
    await finished(page, journey.endMessage);
    expect(await journey.storedData(page)).toMatchObject({
      schemaBased: {
        date: '2024-02-29',
        time: '13:37:00',
        datetime: '2024-02-29T08:05:00+01:00',
      },
    });
    await page.context().close();
  });

  it('radio-group: enum and oneOf radios in fieldsets', async () => {
    const { schema, uischema } = example('radio-group');
    const { page, journey } = await openForm({ name: 'example-radio', schema, uischema });
    await expectAccessible(page);
    await page.getByRole('radio', { name: 'Two' }).check();
    await page.getByRole('radio', { name: 'FooBar' }).check();
    await submit(page);
    await finished(page, journey.endMessage);
    expect(await journey.storedData(page)).toEqual({
      exampleRadioEnum: 'Two',
      exampleRadioOneOfEnum: 'foobar',
    });
    await page.context().close();
  });

  it('control-options: its toggle, slider and multi-line controls (the "Configured controls" category)', async () => {
    const { schema, uischema } = example('control-options');
    // That category's layout alone: categorization is another family's test.
    const configured = (uischema as { elements: { elements: unknown[] }[] }).elements[1]
      ?.elements[0];
    const { page, journey } = await openForm({
      name: 'example-control-options',
      schema,
      uischema: configured,
    });
    await expectAccessible(page);
    const slider = page.getByRole('slider', { name: 'Slider' });
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('2');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('switch', { name: 'Boolean as Toggle' }).check();
    await page.getByRole('textbox', { name: 'Multiline String' }).fill('Multi-\nline');
    await page.getByRole('textbox', { name: 'Restrict Text' }).fill('abcdefg');
    await page.getByRole('textbox', { name: 'Hide Required Asterisk' }).fill('shown');
    await submit(page);
    await finished(page, journey.endMessage);
    expect(await journey.storedData(page)).toEqual({
      slider: 3,
      toggle: true,
      multilineString: 'Multi-\nline',
      // `restrict`: typing stops at the schema's maxLength (5).
      restrictText: 'abcde',
      hideRequiredAsterisk: 'shown',
    });
    await page.context().close();
  });

  it('numbers: a property shown twice (input and slider), its default shown on load', async () => {
    const { schema, uischema } = example('numbers');
    const { page, journey } = await openForm({ name: 'example-numbers', schema, uischema });
    await expectAccessible(page);
    const slider = page.getByRole('slider', { name: 'Price with Slider' });
    expect(await slider.inputValue()).toBe('50');
    await page.getByRole('textbox', { name: 'Price', exact: true }).fill('75');
    expect(await slider.inputValue()).toBe('75');
    await page.getByRole('textbox', { name: 'Age' }).fill('41');
    await submit(page);
    await finished(page, journey.endMessage);
    expect(await journey.storedData(page)).toEqual({ price: 75, age: 41 });
    await page.context().close();
  });
});
