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

  it('keeps every built-in form on the core set (the registration page budget)', () => {
    for (const { definition } of builtinForms) {
      const uischema = (definition.uischema ?? vertical()) as Record<string, unknown>;
      const schema = definition.schema as Record<string, unknown>;
      expect(needsExtendedRenderers({ schema, uischema })).toBe(false);
    }
  });
});
