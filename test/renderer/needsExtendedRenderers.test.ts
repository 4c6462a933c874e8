import { describe, expect, it } from 'vitest';
import { builtinForms } from '../../forms/builtinForms';
import { needsExtendedRenderers } from '../../renderer/forms/needsExtendedRenderers';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    age: { type: 'integer' },
    ok: { type: 'boolean' },
    colour: { type: 'string', enum: ['red', 'blue'] },
    size: { oneOf: [{ const: 's', title: 'Small' }] },
    born: { type: 'string', format: 'date' },
    tags: { type: 'array', items: { type: 'string' } },
    address: { type: 'object', properties: { city: { type: 'string' } } },
    either: { anyOf: [{ type: 'string' }, { type: 'number' }] },
  },
};
const control = (name: string, options?: Record<string, unknown>) => ({
  type: 'Control',
  scope: `#/properties/${name}`,
  ...(options ? { options } : {}),
});
const vertical = (...elements: unknown[]) => ({ type: 'VerticalLayout', elements });

describe('needsExtendedRenderers', () => {
  it('keeps plain text, number, boolean and enum controls in plain layouts on the core set', () => {
    const uischema = vertical(
      control('name', { autocomplete: 'name', multi: true }),
      { type: 'Group', label: 'More', elements: [control('age'), control('ok')] },
      { type: 'HorizontalLayout', elements: [control('colour'), control('size')] },
      { type: 'Label', text: 'Hello' },
    );
    expect(needsExtendedRenderers({ schema, uischema })).toBe(false);
  });

  it('asks for the lazy set for arrays, objects, combinators, dates and other options', () => {
    for (const name of ['born', 'tags', 'address', 'either']) {
      expect(needsExtendedRenderers({ schema, uischema: vertical(control(name)) })).toBe(true);
    }
    const radio = vertical(control('colour', { format: 'radio' }));
    expect(needsExtendedRenderers({ schema, uischema: radio })).toBe(true);
    const categories = { type: 'Categorization', elements: [] };
    expect(needsExtendedRenderers({ schema, uischema: categories })).toBe(true);
    const unknownScope = vertical(control('missing'));
    expect(needsExtendedRenderers({ schema, uischema: unknownScope })).toBe(true);
  });

  it('asks for the lazy set for every array and object form (lists, multi-selects, groups)', () => {
    const forms: { schema: Record<string, unknown>; uischema: Record<string, unknown> }[] = [
      // A multi-select: an array of enum items with uniqueItems.
      {
        schema: {
          type: 'object',
          properties: {
            tags: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['a'] } },
          },
        },
        uischema: vertical(control('tags')),
      },
      // An array typed only by its items, and one through a $ref.
      {
        schema: {
          type: 'object',
          definitions: { list: { type: 'array', items: { type: 'string' } } },
          properties: { plain: { items: { type: 'string' } }, ref: { $ref: '#/definitions/list' } },
        },
        uischema: vertical(control('plain'), control('ref')),
      },
      // A root object (scope "#") and an object typed by its properties only.
      { schema, uischema: { type: 'Control', scope: '#' } },
      {
        schema: { type: 'object', properties: { o: { properties: { a: { type: 'string' } } } } },
        uischema: vertical(control('o')),
      },
    ];
    for (const form of forms) expect(needsExtendedRenderers(form)).toBe(true);
  });

  it('asks for the lazy set for categories, ListWithDetail and combinators anywhere', () => {
    const objects = {
      type: 'object',
      definitions: { a: { type: 'object', properties: { x: { type: 'string' } } } },
      properties: {
        name: { type: 'string' },
        list: { type: 'array', items: { $ref: '#/definitions/a' } },
        one: { oneOf: [{ $ref: '#/definitions/a' }, { type: 'object', properties: {} }] },
        any: { anyOf: [{ $ref: '#/definitions/a' }] },
        all: { allOf: [{ $ref: '#/definitions/a' }] },
        pick: { type: 'string', oneOf: [{ format: 'email' }, { maxLength: 3 }] },
      },
    };
    const category = (...elements: unknown[]) => ({ type: 'Category', label: 'C', elements });
    const uischemas = [
      { type: 'Categorization', elements: [category(control('name'))] },
      {
        type: 'Categorization',
        options: { variant: 'stepper', showNavButtons: true },
        elements: [category(control('name'))],
      },
      // Deep inside plain layouts, and a Categorization nested in a Category.
      vertical({ type: 'Group', label: 'G', elements: [{ type: 'Categorization', elements: [] }] }),
      {
        type: 'Categorization',
        elements: [category({ type: 'Categorization', elements: [category(control('name'))] })],
      },
      vertical({ type: 'ListWithDetail', scope: '#/properties/list' }),
      vertical(control('one')),
      vertical(control('any')),
      vertical(control('all')),
      vertical(control('pick')),
    ];
    for (const uischema of uischemas) {
      expect(needsExtendedRenderers({ schema: objects, uischema })).toBe(true);
    }
    // Rules alone are core's: the always-loaded layouts and controls apply them.
    const ruled = vertical({
      ...control('name'),
      rule: { effect: 'HIDE', condition: { scope: '#/properties/name', schema: { const: 'x' } } },
    });
    expect(needsExtendedRenderers({ schema: objects, uischema: ruled })).toBe(false);
  });

  it('keeps every built-in form on the core set (the registration page budget)', () => {
    for (const { definition } of builtinForms) {
      const uischema = (definition.uischema ?? vertical()) as Record<string, unknown>;
      const schema = definition.schema as Record<string, unknown>;
      expect(needsExtendedRenderers({ schema, uischema })).toBe(false);
    }
  });
});
