import { describe, expect, it } from 'vitest';
import { createDefaultUiSchema } from '../../forms/defaultUiSchema';
import { expectAccepted } from './formTestHelpers';

describe('createDefaultUiSchema', () => {
  it('creates one Control per top-level property in schema order', () => {
    const uischema = createDefaultUiSchema({
      schema: {
        type: 'object',
        properties: { zeta: { type: 'string' }, alpha: { type: 'string' }, 'a/b': {} },
      },
    });
    expect(uischema).toEqual({
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/zeta' },
        { type: 'Control', scope: '#/properties/alpha' },
        { type: 'Control', scope: '#/properties/a~1b' },
      ],
    });
  });

  it('is applied by validateFormDefinition when no uischema is uploaded', () => {
    const value = expectAccepted({
      schema: { type: 'object', properties: { b: { type: 'string' }, a: { type: 'number' } } },
    });
    expect(value.uischema).toEqual({
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/b' },
        { type: 'Control', scope: '#/properties/a' },
      ],
    });
  });

  it('yields an empty layout for a schema without properties', () => {
    const value = expectAccepted({ schema: { type: 'object', properties: {} } });
    expect(value.uischema).toEqual({ type: 'VerticalLayout', elements: [] });
  });
});
