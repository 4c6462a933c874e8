import { JsonForms } from '@jsonforms/react';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type FormUi, FormUiContext } from '../../renderer/forms/FormUiContext';
import { formRenderers } from '../../renderer/forms/renderers/formRenderers';
import { extendedLayoutRenderers } from '../../renderer/forms/renderers/layouts/extendedLayoutRenderers';

const baseUi: FormUi = {
  texts: {},
  serverErrors: new Map(),
  touched: new Set(),
  edited: new Set(),
  submitted: false,
  attempts: 0,
  stepErrors: [],
  markTouched: () => {},
  markEdited: () => {},
};
const render = ({
  schema,
  uischema,
  data = {},
  ui = {},
}: {
  schema: unknown;
  uischema: unknown;
  data?: unknown;
  ui?: Partial<FormUi>;
}) =>
  renderToStaticMarkup(
    createElement(
      FormUiContext.Provider,
      { value: { ...baseUi, ...ui } },
      createElement(JsonForms, {
        schema: schema as never,
        uischema: uischema as never,
        data,
        renderers: [...formRenderers, ...extendedLayoutRenderers],
        i18n: {
          translate: ((key: string, fallback?: string) => ui.texts?.[key] ?? fallback) as never,
        },
      }),
    ),
  );
const count = (html: string, text: string) => html.split(text).length - 1;

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 2 },
    provideAddress: { type: 'boolean' },
    city: { type: 'string', maxLength: 5 },
    note: { type: 'string' },
  },
};
const control = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'Control',
  scope: `#/properties/${name}`,
  ...extra,
});
const categorization = (options?: Record<string, unknown>) => ({
  type: 'Categorization',
  ...(options ? { options } : {}),
  elements: [
    { type: 'Category', label: 'Basic', elements: [control('name'), control('provideAddress')] },
    {
      type: 'Category',
      label: 'Address',
      elements: [control('city')],
      rule: {
        effect: 'SHOW',
        condition: { scope: '#/properties/provideAddress', schema: { const: true } },
      },
    },
    { type: 'Category', label: 'More', elements: [control('note')] },
  ],
});

describe('Categorization as tabs', () => {
  it('renders the ARIA tabs pattern, leaving out what a rule hides', () => {
    const html = render({ schema, uischema: categorization() });
    expect(html).toContain('role="tablist"');
    expect(count(html, 'role="tab"')).toBe(2);
    expect(html).not.toContain('>Address<');
    expect(html).toMatch(/aria-selected="true"[^>]*tabindex="0"[^>]*>Basic</);
    expect(html).toMatch(/aria-selected="false"[^>]*tabindex="-1"[^>]*>More</);
    expect(html).toContain('role="tabpanel"');
    expect(html).toMatch(/>name</i);
    expect(html).not.toMatch(/>note</i);
    const shown = render({ schema, uischema: categorization(), data: { provideAddress: true } });
    expect(count(shown, 'role="tab"')).toBe(3);
  });

  it('marks a category with an error and opens it after a refused submit', () => {
    const html = render({
      schema,
      uischema: categorization(),
      data: { name: 'Ann', provideAddress: true, city: 'Springfield' },
      ui: { submitted: true, attempts: 1 },
    });
    expect(html).toMatch(
      /aria-selected="true"[^>]*aria-label="Address, has errors"[^>]*>Address<span[^>]*aria-hidden="true">!</,
    );
    expect(html).toContain('aria-invalid="true"');
  });

  it('marks a category that holds a server error, until the field is edited', () => {
    const serverErrors = new Map([['note', 'Not allowed']]);
    const html = render({ schema, uischema: categorization(), ui: { serverErrors } });
    expect(html).toMatch(/aria-selected="true"[^>]*>More<span/);
    expect(html).toContain('Not allowed');
    const edited = render({
      schema,
      uischema: categorization(),
      ui: { serverErrors, edited: new Set(['note']) },
    });
    expect(edited).not.toContain('has errors');
  });

  it('translates category labels and the error mark through the texts', () => {
    const html = render({
      schema,
      uischema: categorization(),
      data: { name: 'x' },
      ui: {
        submitted: true,
        texts: { Basic: 'Grunddaten', 'categorization.hasErrors': 'fehlerhaft' },
      },
    });
    expect(html).toContain('Grunddaten');
    expect(html).toContain(', fehlerhaft');
  });
});

describe('Categorization as a stepper', () => {
  it('shows the steps, "Step 1 of 2: Basic" and Next (no Back on the first step)', () => {
    const html = render({
      schema,
      uischema: categorization({ variant: 'stepper', showNavButtons: true }),
    });
    expect(html).toContain('Step 1 of 2: Basic');
    expect(html).toMatch(/aria-current="step"[^>]*>.*Basic/);
    expect(html).toContain('>Next<');
    expect(html).not.toContain('>Back<');
    expect(html).not.toContain('role="tablist"');
  });

  it('has no Back/Next without showNavButtons, as JSON Forms', () => {
    const html = render({ schema, uischema: categorization({ variant: 'stepper' }) });
    expect(html).not.toContain('>Next<');
    expect(html).toContain('Step 1 of 2: Basic');
  });
});

describe('ListWithDetail', () => {
  const listSchema = {
    type: 'object',
    properties: {
      orders: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            customer: { type: 'object', properties: { name: { type: 'string' } } },
            title: { type: 'string', minLength: 5 },
          },
          required: ['title'],
        },
      },
    },
  };
  const uischema = {
    type: 'ListWithDetail',
    scope: '#/properties/orders',
    options: {
      labelRef: '#/items/properties/customer/properties/name',
      detail: { type: 'VerticalLayout', elements: [control('title')] },
    },
  };

  it('lists the items by their label, with delete buttons naming them, and the detail', () => {
    const data = {
      orders: [
        { customer: { name: 'Sirius' }, title: 'Robots' },
        { customer: { name: 'MomCorp' }, title: 'Oil' },
      ],
    };
    const html = render({ schema: listSchema, uischema, data });
    expect(html).toContain('1. Sirius');
    expect(html).toContain('2. MomCorp');
    expect(html).toContain('Delete<span class="visually-hidden"> 2. MomCorp</span>');
    expect(html).toContain('Add to Orders');
    expect(html).toMatch(/aria-current="true"[^>]*>1\. Sirius/);
    expect(html).toContain('value="Robots"');
  });

  it('opens the first item with an error after a refused submit', () => {
    const data = { orders: [{ title: 'Robots' }, { title: 'Oil' }] };
    const html = render({
      schema: listSchema,
      uischema,
      data,
      ui: { submitted: true, attempts: 1 },
    });
    expect(html).toMatch(/aria-current="true"[^>]*>Item 2<span[^>]*>!<\/span>/);
    expect(html).toContain('value="Oil"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('says so when the list is empty', () => {
    const html = render({ schema: listSchema, uischema, data: {} });
    expect(html).toContain('No data');
  });
});

describe('oneOf, anyOf and allOf', () => {
  const address = {
    title: 'Address',
    type: 'object',
    properties: { street: { type: 'string' } },
    required: ['street'],
    additionalProperties: false,
  };
  const user = {
    type: 'object',
    properties: { mail: { type: 'string' } },
    required: ['mail'],
    additionalProperties: false,
  };
  const uischema = { type: 'VerticalLayout', elements: [control('contact')] };

  it('offers the alternatives as a radio group and shows the one the data fits', () => {
    const oneOf = { type: 'object', properties: { contact: { oneOf: [address, user] } } };
    const html = render({ schema: oneOf, uischema, data: { contact: { mail: 'a@b.c' } } });
    // Labels as JSON Forms derives them ("Contact"), or the raw name before that lands.
    expect(html).toMatch(/<legend class="label">contact<\/legend>/i);
    expect(count(html, 'type="radio"')).toBe(2);
    expect(html).toContain('>Address</label>');
    expect(html).toContain('>Option 2</label>');
    expect(html).toMatch(/checked=""[^>]*\/><label[^>]*>Option 2</);
    expect(html).toContain('value="a@b.c"');
    expect(html).not.toMatch(/>street</i);
  });

  it('does the same for anyOf, and leaves a oneOf of consts to the enum select', () => {
    const anyOf = { type: 'object', properties: { contact: { anyOf: [address, user] } } };
    expect(render({ schema: anyOf, uischema })).toMatch(/>street</i);
    const constOneOf = {
      type: 'object',
      properties: { contact: { oneOf: [{ const: 'a', title: 'A' }, { const: 'b' }] } },
    };
    const html = render({ schema: constOneOf, uischema });
    expect(html).toContain('<select');
    expect(html).not.toContain('type="radio"');
  });

  it('renders every allOf part on the same data', () => {
    const allOf = { type: 'object', properties: { contact: { allOf: [address, user] } } };
    const html = render({ schema: allOf, uischema, data: { contact: { street: 'Main' } } });
    expect(html).toMatch(/>street</i);
    expect(html).toMatch(/>mail</i);
    expect(html).toContain('value="Main"');
  });
});

describe('rules in the core layouts and controls', () => {
  it('hides and disables elements as @jsonforms/core evaluates their rules', () => {
    const uischema = {
      type: 'VerticalLayout',
      elements: [
        control('provideAddress'),
        {
          type: 'Group',
          label: 'Where',
          elements: [control('city')],
          rule: {
            effect: 'HIDE',
            condition: { scope: '#/properties/provideAddress', schema: { const: false } },
          },
        },
        control('note', {
          rule: {
            effect: 'ENABLE',
            condition: {
              type: 'AND',
              conditions: [
                { scope: '#/properties/provideAddress', schema: { const: true } },
                { scope: '#/properties/name', schema: { minLength: 1 }, failWhenUndefined: true },
              ],
            },
          },
        }),
        {
          type: 'Label',
          text: 'Bye',
          rule: {
            effect: 'SHOW',
            condition: { scope: '#/properties/name', schema: { const: 'x' } },
          },
        },
      ],
    };
    const hidden = render({ schema, uischema, data: { provideAddress: false } });
    expect(hidden).not.toContain('Where');
    expect(hidden).toMatch(/id="field-note[^"]*"[^>]*readOnly=""|readOnly=""[^>]*id="field-note/i);
    expect(hidden).not.toContain('Bye');
    const shown = render({ schema, uischema, data: { provideAddress: true, name: 'x' } });
    expect(shown).toContain('Where');
    expect(shown).not.toMatch(/readOnly=""/i);
    expect(shown).toContain('Bye');
  });
});
