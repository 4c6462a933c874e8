import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createFormTranslator } from '../../renderer/forms/createFormTranslator';
import { type FormUi, FormUiContext } from '../../renderer/forms/FormUiContext';
import { arrayRenderers } from '../../renderer/forms/renderers/arrays/arrayRenderers';
import { collectRowErrors } from '../../renderer/forms/renderers/arrays/collectRowErrors';
import { isArrayListControl } from '../../renderer/forms/renderers/arrays/isArrayListControl';
import { isMultiEnumControl } from '../../renderer/forms/renderers/arrays/isMultiEnumControl';
import { pickFocusAfterRemove } from '../../renderer/forms/renderers/arrays/pickFocusAfterRemove';
import { planArrayLimits } from '../../renderer/forms/renderers/arrays/planArrayLimits';
import { resolveArrayTexts } from '../../renderer/forms/renderers/arrays/resolveArrayTexts';
import { formRenderers } from '../../renderer/forms/renderers/formRenderers';

const texts = (overrides: Record<string, string> = {}) =>
  resolveArrayTexts({ texts: overrides, prefix: 'comments', label: 'Comments', min: 1, max: 3 });

describe('resolveArrayTexts', () => {
  it('names every button after its row and its array, in English by default', () => {
    const t = texts();
    expect(t.add).toBe('Add to Comments');
    expect(t.addAriaLabel).toBeUndefined();
    expect(t.noData).toBe('No items yet.');
    expect(t.itemLabel(1)).toBe('Item 2');
    expect(t.remove(1, 'Item 2')).toEqual({
      text: 'Remove',
      ariaLabel: 'Remove item 2 of Comments',
    });
    expect(t.up(0, 'Item 1').ariaLabel).toBe('Move item 1 of Comments up');
    expect(t.down(0, 'Item 1').ariaLabel).toBe('Move item 1 of Comments down');
    expect(t.minItemsReason).toContain('at least 1');
    expect(t.maxItemsReason).toContain('at most 3');
  });

  it("takes JSON Forms' own array keys under the i18n prefix, and fills placeholders", () => {
    const t = texts({
      'comments.addTooltip': 'Kommentar hinzufügen',
      'comments.addAriaLabel': 'Einen Kommentar hinzufügen',
      'comments.noDataMessage': 'Be the first to write a comment',
      'comments.removeAriaLabel': 'Delete button',
      'comments.upAriaLabel': '{item} nach oben ({index}/{label})',
      'comments.itemLabel': 'Kommentar {index}',
      'comments.maxItemsReason': 'Höchstens {max}.',
      'other.noDataMessage': 'not this one',
    });
    expect(t.add).toBe('Kommentar hinzufügen');
    expect(t.addAriaLabel).toBe('Einen Kommentar hinzufügen');
    expect(t.noData).toBe('Be the first to write a comment');
    expect(t.remove(0, 'x').ariaLabel).toBe('Delete button');
    expect(t.up(2, 'Kommentar 3').ariaLabel).toBe('Kommentar 3 nach oben (3/Comments)');
    expect(t.itemLabel(0)).toBe('Kommentar 1');
    expect(t.maxItemsReason).toBe('Höchstens 3.');
    // Unknown placeholders stay as written, and own properties only are read.
    const odd = resolveArrayTexts({
      texts: { 'x.addTooltip': 'Add {nothing}' },
      prefix: 'x',
      label: 'X',
      min: 0,
      max: 1,
    });
    expect(odd.add).toBe('Add {nothing}');
    expect(
      resolveArrayTexts({ texts: {}, prefix: '__proto__', label: 'P', min: 0, max: 1 }).add,
    ).toBe('Add to P');
  });
});

describe('planArrayLimits', () => {
  const plan = (count: number, schema: Record<string, unknown>, options = {}, enabled = true) =>
    planArrayLimits({ count, arraySchema: schema, options, enabled });

  it('blocks add at maxItems and remove at minItems, whatever options.restrict says', () => {
    expect(plan(2, { minItems: 2, maxItems: 3 })).toMatchObject({
      add: undefined,
      remove: 'minItems',
    });
    expect(plan(3, { minItems: 2, maxItems: 3 })).toMatchObject({
      add: 'maxItems',
      remove: undefined,
    });
    expect(plan(0, {})).toMatchObject({ add: undefined, min: 0, max: Number.POSITIVE_INFINITY });
  });

  it('honours disableAdd/disableRemove and a read-only form, and ignores junk limits', () => {
    expect(plan(1, {}, { disableAdd: true, disableRemove: true })).toMatchObject({
      add: 'option',
      remove: 'option',
      showAdd: false,
      showRemove: false,
    });
    expect(plan(1, {}, {}, false)).toMatchObject({
      add: 'readonly',
      remove: 'readonly',
      showAdd: true,
    });
    expect(plan(5, { minItems: -1, maxItems: '2' })).toMatchObject({
      add: undefined,
      remove: undefined,
    });
  });
});

describe('pickFocusAfterRemove', () => {
  it('goes to the row that took the place, else the one before, else the add button', () => {
    expect(pickFocusAfterRemove({ removed: 1, remaining: 3 })).toEqual({ row: 1 });
    expect(pickFocusAfterRemove({ removed: 3, remaining: 3 })).toEqual({ row: 2 });
    expect(pickFocusAfterRemove({ removed: 0, remaining: 0 })).toEqual({ add: true });
  });
});

describe('collectRowErrors', () => {
  const detail = {
    type: 'VerticalLayout',
    elements: [{ type: 'Control', scope: '#/properties/message' }],
  };
  it('keeps the errors the row layout does not show, naming their field', () => {
    const errors = [
      { path: 'comments.0.message', message: 'too long' },
      { path: 'comments.0.date', message: "must have required property 'date'" },
      { path: 'comments.0', message: 'must NOT have fewer than 2 properties' },
      { path: 'comments.1.date', message: 'other row' },
      { path: 'comments.10', message: 'not this row either' },
    ];
    expect(collectRowErrors({ errors, base: 'comments.0', uischema: detail })).toEqual([
      "date: must have required property 'date'",
      'must NOT have fewer than 2 properties',
    ]);
  });
});

describe('array testers', () => {
  const ctx = (schema: JsonSchema) => ({ rootSchema: schema, config: {} });
  const control = { type: 'Control', scope: '#' } as UISchemaElement;
  it('takes arrays of primitives, objects and anything else, but not tuples', () => {
    for (const items of [
      { type: 'string' },
      { type: 'object' },
      { type: 'array' },
      { oneOf: [] },
    ]) {
      const schema = { type: 'array', items } as JsonSchema;
      expect(isArrayListControl(control, schema, ctx(schema))).toBe(true);
    }
    const tuple = { type: 'array', items: [{ type: 'string' }] } as unknown as JsonSchema;
    expect(isArrayListControl(control, tuple, ctx(tuple))).toBe(false);
    expect(isArrayListControl(control, { type: 'string' }, ctx({ type: 'string' }))).toBe(false);
  });

  it('takes unique arrays of enums and of oneOf consts as multi-selects', () => {
    const multi = (items: unknown, uniqueItems = true) => {
      const schema = { type: 'array', uniqueItems, items } as JsonSchema;
      return isMultiEnumControl(control, schema, ctx(schema));
    };
    expect(multi({ type: 'string', enum: ['a', 'b'] })).toBe(true);
    expect(multi({ type: 'integer', enum: [1, 2] })).toBe(true);
    expect(multi({ oneOf: [{ const: 'a', title: 'A' }] })).toBe(true);
    expect(multi({ type: 'string', enum: ['a'] }, false)).toBe(false);
    expect(multi({ oneOf: [{ type: 'string' }] })).toBe(false);
    expect(multi({ type: 'string' })).toBe(false);
  });
});

const render = ({
  schema,
  uischema,
  data,
  i18n = {},
}: {
  schema: object;
  uischema: object;
  data: unknown;
  i18n?: Record<string, string>;
}) =>
  renderToStaticMarkup(
    createElement(
      FormUiContext.Provider,
      {
        value: {
          texts: i18n,
          serverErrors: new Map<string, string>(),
          touched: new Set<string>(),
          edited: new Set<string>(),
          submitted: false,
          attempts: 0,
          stepErrors: [],
          markTouched: () => {},
          markEdited: () => {},
        } satisfies FormUi,
      },
      createElement(JsonForms, {
        schema: schema as JsonSchema,
        uischema: uischema as UISchemaElement,
        data,
        renderers: [...formRenderers, ...arrayRenderers],
        i18n: { locale: 'en', translate: createFormTranslator(i18n) as never },
      }),
    ),
  );

describe('array renderers (markup)', () => {
  const schema = {
    type: 'object',
    properties: {
      comments: {
        type: 'array',
        minItems: 1,
        maxItems: 2,
        items: {
          type: 'object',
          properties: { message: { type: 'string' }, date: { type: 'string' } },
        },
      },
      tags: { type: 'array', items: { type: 'string' } },
      colours: { type: 'array', uniqueItems: true, items: { enum: ['red', 'blue'] } },
      address: { type: 'object', properties: { city: { type: 'string' } } },
    },
  };
  const control = (name: string, options?: object) => ({
    type: 'Control',
    scope: `#/properties/${name}`,
    ...(options ? { options } : {}),
  });

  it('draws object rows as labelled groups with distinct field ids and named buttons', () => {
    const html = render({
      schema,
      uischema: control('comments', { showSortButtons: true, elementLabelProp: 'message' }),
      data: { comments: [{ message: 'Hi' }, { message: 'Yo' }] },
    });
    expect(html).toContain('<legend>Comments</legend>');
    expect(html).toContain('<legend>Item 1: Hi</legend>');
    expect(html).toContain('aria-label="Remove item 2 of Comments"');
    expect(html).toContain('aria-label="Move item 1 of Comments down"');
    // At maxItems the add button stays focusable, says why, and does nothing.
    expect(html).toMatch(/aria-disabled="true" aria-describedby="([^"]+)"[^>]*>Add to Comments/);
    const ids = [...html.matchAll(/<input[^>]* id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(html).toContain(`for="${id}"`);
  });

  it('labels primitive rows by their title and shows the empty state', () => {
    const html = render({
      schema,
      uischema: { type: 'VerticalLayout', elements: [control('tags'), control('comments')] },
      data: { tags: ['a', 'b'] },
      i18n: { 'tags.label': 'Schlagworte', 'comments.noDataMessage': 'Noch keine Kommentare' },
    });
    expect(html).toContain('<legend>Schlagworte</legend>');
    expect(html).toMatch(/<label[^>]*>Item 2<\/label>/);
    expect(html).toContain('Noch keine Kommentare');
  });

  it('draws a multi-select as a checkbox group and a nested object as a group', () => {
    const html = render({
      schema,
      uischema: { type: 'VerticalLayout', elements: [control('colours'), control('address')] },
      data: { colours: ['blue'], address: { city: 'Bern' } },
      i18n: { 'colours.red': 'Rot' },
    });
    expect(html).toContain('<legend>Colours</legend>');
    expect(html).toMatch(/type="checkbox"[^>]*\/><label[^>]*>Rot<\/label>/);
    expect(html).toMatch(/type="checkbox" checked=""/);
    expect(html).toContain('<legend>Address</legend>');
    expect(html).toContain('value="Bern"');
  });
});
