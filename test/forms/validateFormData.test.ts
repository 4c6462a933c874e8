import { describe, expect, it } from 'vitest';
import { builtinForms } from '../../forms/builtinForms';
import type { FormDefinition } from '../../forms/FormDefinition';
import { FormError } from '../../forms/FormError';
import { validateFormData } from '../../forms/validateFormData';

function builtin(name: string): FormDefinition {
  const form = builtinForms.find((entry) => entry.name === name);
  if (form === undefined) throw new Error(`missing built-in ${name}`);
  return form.definition;
}

const registration = builtin('passkey-registration');
const check = (data: unknown) => validateFormData({ definition: registration, data });

function errorsOf(data: unknown) {
  const result = check(data);
  if (result.ok || 'refused' in result)
    throw new Error(`expected errors for ${JSON.stringify(data)}`);
  return result.errors;
}

describe('validateFormData against passkey-registration', () => {
  it.each([
    { userName: 'ada', displayName: 'Ada Lovelace' },
    { userName: 'ada.lovelace+keys@example.com', displayName: 'Ada' },
    { userName: 'a_b-c', displayName: ' A ' },
  ])('accepts %j', (data) => {
    expect(check(data)).toEqual({ ok: true, data });
  });

  it('reports a missing userName at /userName', () => {
    expect(errorsOf({ displayName: 'Ada' })).toEqual([
      { path: '/userName', message: expect.stringContaining('userName'), keyword: 'required' },
    ]);
  });

  it('reports every problem at once', () => {
    const errors = errorsOf({});
    expect(errors.map((error) => error.path).sort()).toEqual(['/displayName', '/userName']);
  });

  it('rejects a too short or too long userName', () => {
    expect(errorsOf({ userName: 'ab', displayName: 'Ada' })).toEqual([
      { path: '/userName', message: expect.any(String), keyword: 'minLength' },
    ]);
    expect(errorsOf({ userName: 'a'.repeat(65), displayName: 'Ada' })[0]?.keyword).toBe(
      'maxLength',
    );
  });

  it('rejects spaces in userName', () => {
    expect(errorsOf({ userName: 'ada lovelace', displayName: 'Ada' })).toEqual([
      { path: '/userName', message: expect.any(String), keyword: 'pattern' },
    ]);
  });

  it('rejects a blank or empty displayName', () => {
    expect(errorsOf({ userName: 'ada', displayName: '   ' })[0]).toMatchObject({
      path: '/displayName',
      keyword: 'pattern',
    });
    expect(errorsOf({ userName: 'ada', displayName: '' })[0]?.path).toBe('/displayName');
  });

  it('rejects extra properties at their own path', () => {
    expect(errorsOf({ userName: 'ada', displayName: 'Ada', isAdmin: true })).toEqual([
      { path: '/isAdmin', message: expect.any(String), keyword: 'additionalProperties' },
    ]);
  });

  it('does not coerce types', () => {
    const data = { userName: 12345, displayName: 'Ada' };
    expect(errorsOf(data)).toContainEqual({
      path: '/userName',
      message: 'must be string',
      keyword: 'type',
    });
    expect(data.userName).toBe(12345);
  });

  it('rejects __proto__ keys before validation', () => {
    const data = JSON.parse('{"userName": "ada", "displayName": "Ada", "__proto__": {"x": 1}}');
    expect(errorsOf(data)).toEqual([
      {
        path: '/__proto__',
        message: expect.stringContaining('__proto__'),
        keyword: 'forbiddenKey',
      },
    ]);
  });

  it.each([
    ['an array', [], 'an array'],
    ['null', null, 'null'],
    ['a string', 'ada', 'string'],
    ['a class instance', new Date(0), 'object'],
  ])('rejects %s as submission', (_, data, received) => {
    expect(errorsOf(data)).toEqual([
      { path: '', message: `received ${received}; expected an object`, keyword: 'type' },
    ]);
  });
});

describe('validateFormData: other forms and caching', () => {
  it('accepts an empty submission for passkey-retry and nothing else', () => {
    const definition = builtin('passkey-retry');
    expect(validateFormData({ definition, data: {} }).ok).toBe(true);
    expect(validateFormData({ definition, data: { again: true } }).ok).toBe(false);
  });

  it('reuses the compiled validator for equal schemas loaded as new objects', () => {
    const copy: FormDefinition = JSON.parse(JSON.stringify(registration));
    expect(validateFormData({ definition: copy, data: { userName: 'ab' } }).ok).toBe(false);
    expect(
      validateFormData({ definition: copy, data: { userName: 'abc', displayName: 'A' } }).ok,
    ).toBe(true);
  });

  it('never serves a stale validator after a schema changes', () => {
    const definition: FormDefinition = JSON.parse(JSON.stringify(registration));
    const data = { userName: 'ada', displayName: 'Ada' };
    expect(validateFormData({ definition, data }).ok).toBe(true);
    definition.schema.properties.userName = { type: 'string', minLength: 10 };
    expect(validateFormData({ definition, data }).ok).toBe(false);
  });

  it('reports nested paths and nested missing properties', () => {
    const definition: FormDefinition = {
      schema: {
        type: 'object',
        properties: {
          address: {
            type: 'object',
            properties: { street: { type: 'string' }, zip: { type: 'string' } },
            required: ['zip'],
          },
        },
      },
    };
    const result = validateFormData({ definition, data: { address: { street: 1 } } });
    expect('errors' in result ? result.errors.map((error) => error.path).sort() : []).toEqual([
      '/address/street',
      '/address/zip',
    ]);
  });

  it('throws FormError FORM_INVALID for a definition that does not compile', () => {
    const definition = { schema: { type: 'object', properties: { a: { bogus: 1 } } } };
    expect(() => validateFormData({ definition: definition as FormDefinition, data: {} })).toThrow(
      FormError,
    );
  });
});
