import { describe, expect, it } from 'vitest';
import { builtinForms } from '../../forms/builtinForms';
import { validateFormData } from '../../forms/validateFormData';
import { validateFormDefinition } from '../../forms/validateFormDefinition';

const upload = (schema: unknown) => {
  const result = validateFormDefinition({ definition: { schema } });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const errorsOf = (result: ReturnType<typeof validateFormData>) => {
  if (result.ok || !('errors' in result)) throw new Error('expected field errors');
  return result.errors;
};

describe('errors of a failed oneOf/anyOf', () => {
  const definition = upload({
    type: 'object',
    properties: {
      contact: {
        oneOf: [
          {
            title: 'User',
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: { name: { type: 'string', minLength: 3 }, mail: { type: 'string' } },
          },
          {
            title: 'Address',
            type: 'object',
            additionalProperties: false,
            required: ['street', 'city'],
            properties: { street: { type: 'string' }, city: { type: 'string' } },
          },
        ],
      },
    },
  });

  it('keeps only the closest alternative’s errors, at their fields, without the summary', () => {
    const result = validateFormData({ definition, data: { contact: { name: 'Al', mail: 'x' } } });
    expect(errorsOf(result).map((e) => [e.path, e.keyword])).toEqual([
      ['/contact/name', 'minLength'],
    ]);
  });

  it('keeps the summary when no alternative reported errors (two matched a oneOf)', () => {
    const both = upload({
      type: 'object',
      properties: { n: { oneOf: [{ type: 'number' }, { type: 'integer' }] } },
    });
    const result = validateFormData({ definition: both, data: { n: 2 } });
    expect(errorsOf(result).map((e) => e.keyword)).toEqual(['oneOf']);
  });

  it('leaves forms without combinators as they were', () => {
    const form = builtinForms[0]!.definition;
    const result = validateFormData({ definition: form, data: {} });
    expect(errorsOf(result).map((e) => e.keyword)).toEqual(['required', 'required']);
  });
});
