import type { JsonSchema, Translator, UISchemaElement } from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormTranslator } from '../../renderer/forms/createFormTranslator';
import { needsExtendedRenderers } from '../../renderer/forms/needsExtendedRenderers';
import { prepareValidation } from '../../renderer/forms/prepareValidation';
import { chooseDateInput } from '../../renderer/forms/renderers/controls/chooseDateInput';
import { formatDateInputValue } from '../../renderer/forms/renderers/controls/formatDateInputValue';
import { parseDateInputValue } from '../../renderer/forms/renderers/controls/parseDateInputValue';
import { extendedRenderers } from '../../renderer/forms/renderers/extendedRenderers';
import { formRenderers } from '../../renderer/forms/renderers/formRenderers';

const schema = {
  type: 'object',
  properties: {
    birthDate: { type: 'string', format: 'date' },
    alarm: { type: 'string', format: 'time' },
    meeting: { type: 'string', format: 'date-time' },
    colour: { type: 'string', enum: ['red', 'green'] },
    size: {
      oneOf: [
        { const: 's', title: 'Small' },
        { const: 'l', title: 'Large' },
      ],
    },
    plan: { type: 'string', enum: ['free', 'pro'] },
    news: { type: 'boolean' },
    volume: { type: 'integer', minimum: 0, maximum: 10, default: 3, multipleOf: 1 },
    price: { type: 'number', minimum: 1, maximum: 100, default: 50 },
  },
  required: ['colour'],
};
const control = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'Control',
  scope: `#/properties/${name}`,
  ...extra,
});
const uischema = {
  type: 'VerticalLayout',
  elements: [
    control('birthDate'),
    control('alarm'),
    control('meeting'),
    control('colour', { options: { format: 'radio' } }),
    control('size', { options: { format: 'radio' } }),
    control('plan'),
    control('news', { options: { toggle: true } }),
    control('volume', { options: { slider: true } }),
    control('price', { label: 'Price' }),
    control('price', { label: 'Price with slider', options: { slider: true } }),
  ],
};
const texts = {
  'colour.red': 'Rot',
  'colour.green': 'Grün',
  'plan.pro': 'Professional',
  'size.Large': 'Groß',
};

function render(data: Record<string, unknown> = {}) {
  const validation = prepareValidation(schema);
  return renderToStaticMarkup(
    createElement(JsonForms, {
      schema: schema as JsonSchema,
      uischema: uischema as UISchemaElement,
      data,
      renderers: [...formRenderers, ...extendedRenderers],
      ajv: validation.ajv,
      validationMode: validation.validationMode,
      i18n: { locale: 'en', translate: createFormTranslator(texts) as Translator },
    }),
  );
}

/** label text → the id its `for` points at, and every element id, from the markup. */
function labelsAndIds(html: string) {
  const labels = [...html.matchAll(/<label for="([^"]+)"[^>]*>([^<]*)/g)].map(([, id, text]) => ({
    id,
    text,
  }));
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map(([, id]) => id);
  return { labels, ids };
}

describe('the extended control renderers', () => {
  it('are asked for by such a form', () => {
    expect(needsExtendedRenderers({ schema, uischema })).toBe(true);
  });

  it('draw native date, time and datetime-local inputs, seconds kept', () => {
    const html = render({
      birthDate: '1990-04-01',
      alarm: '13:37:00',
      meeting: '2024-05-01T13:37:25',
    });
    expect(html).toMatch(/type="date"[^>]*value="1990-04-01"/);
    expect(html).toMatch(/type="time" step="1"[^>]*value="13:37:00"/);
    expect(html).toMatch(/type="datetime-local" step="1"[^>]*value="2024-05-01T13:37:25"/);
    expect(html).toContain('<label for="field-birthDate');
    expect(html).toContain('Birth Date');
  });

  it('draws radio groups as a fieldset with a legend, labels through <path>.<value> and oneOf titles', () => {
    const html = render({ colour: 'green' });
    expect(html).toMatch(/<fieldset class="radio-group"><legend class="label">Colour/);
    const { labels } = labelsAndIds(html);
    const radioLabels = labels.filter((l) => /^field-(colour|size)/.test(l.id ?? ''));
    expect(radioLabels.map((l) => l.text)).toEqual(['Rot', 'Grün', 'Small', 'Groß']);
    expect(html).toMatch(/type="radio"[^>]*required=""[^>]*checked=""/);
    // The enum select of the core set takes the same keys.
    expect(html).toContain('<option value="1">Professional</option>');
  });

  it('draws a toggle as a switch and a slider with its value shown and spoken', () => {
    const html = render({ news: true, volume: 7 });
    expect(html).toMatch(/type="checkbox" role="switch" aria-checked="true"[^>]*checked=""/);
    expect(html).toMatch(/type="range" min="0" max="10" step="1" aria-valuetext="7" value="7"/);
    expect(html).toContain('<span class="slider__value" aria-hidden="true">7</span>');
  });

  it('applies schema defaults on load (JSON Forms useDefaults)', () => {
    const html = render({});
    expect(html).toMatch(/type="range" min="0" max="10" step="1" aria-valuetext="3" value="3"/);
    expect(html).toMatch(/inputMode="decimal" value="50"/);
  });

  it('gives a property shown twice two distinct ids, each with its own label', () => {
    const html = render({ price: 20 });
    const { labels, ids } = labelsAndIds(html);
    const price = labels.filter((l) => l.text?.startsWith('Price'));
    expect(price.map((l) => l.text)).toEqual(['Price', 'Price with slider']);
    expect(new Set(price.map((l) => l.id)).size).toBe(2);
    for (const { id } of price) expect(ids.filter((x) => x === id)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('date and time values', () => {
  const savedTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/Berlin';
  });
  afterAll(() => {
    process.env.TZ = savedTz;
  });

  it('choose their input by schema format or options.format', () => {
    expect(chooseDateInput({ format: 'date', options: {} })).toBe('date');
    expect(chooseDateInput({ format: undefined, options: { format: 'time' } })).toBe('time');
    expect(chooseDateInput({ format: 'date-time', options: {} })).toBe('datetime-local');
    expect(
      chooseDateInput({ format: undefined, options: { format: 'date', views: ['year', 'month'] } }),
    ).toBe('month');
  });

  it('store what the server and JSON Forms accept', () => {
    expect(parseDateInputValue({ kind: 'date', value: '2024-02-29' })).toBe('2024-02-29');
    expect(parseDateInputValue({ kind: 'time', value: '13:37' })).toBe('13:37:00');
    expect(parseDateInputValue({ kind: 'time', value: '13:37:25' })).toBe('13:37:25');
    expect(parseDateInputValue({ kind: 'datetime-local', value: '2024-05-01T13:37' })).toBe(
      '2024-05-01T13:37:00+02:00',
    );
    expect(parseDateInputValue({ kind: 'datetime-local', value: '2024-01-10T08:00:05' })).toBe(
      '2024-01-10T08:00:05+01:00',
    );
    for (const kind of ['date', 'time', 'datetime-local'] as const) {
      expect(parseDateInputValue({ kind, value: '' })).toBeUndefined();
    }
  });

  it('show stored values in the input’s own shape, zoned date-times on the local clock', () => {
    expect(formatDateInputValue({ kind: 'time', data: '13:37:00Z' })).toBe('13:37:00');
    expect(formatDateInputValue({ kind: 'datetime-local', data: '2024-05-01T11:37:00.000Z' })).toBe(
      '2024-05-01T13:37:00',
    );
    expect(
      formatDateInputValue({ kind: 'datetime-local', data: '2024-05-01T13:37:00+02:00' }),
    ).toBe('2024-05-01T13:37:00');
    expect(formatDateInputValue({ kind: 'datetime-local', data: '2024-05-01T13:37' })).toBe(
      '2024-05-01T13:37',
    );
    expect(formatDateInputValue({ kind: 'date', data: 'yesterday' })).toBe('');
    expect(formatDateInputValue({ kind: 'date', data: 5 })).toBe('');
  });

  it('round-trip: what is shown is parsed back to the same instant', () => {
    const shown = formatDateInputValue({ kind: 'datetime-local', data: '2024-05-01T11:37:00Z' });
    const stored = parseDateInputValue({ kind: 'datetime-local', value: shown });
    expect(new Date(stored ?? '').toISOString()).toBe('2024-05-01T11:37:00.000Z');
  });
});
