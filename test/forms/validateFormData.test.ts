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
    definition.schema.properties!.userName = { type: 'string', minLength: 10 };
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

  it('never reads an async validator (a promise) as valid, even for a stored $async schema', () => {
    const definition = { schema: { $async: true, type: 'object', required: ['a'] } };
    expect(() => validateFormData({ definition: definition as FormDefinition, data: {} })).toThrow(
      FormError,
    );
  });

  it('throws FormError FORM_INVALID for a definition that does not compile', () => {
    const definition = {
      schema: { type: 'object', properties: { a: { $ref: '#/definitions/missing' } } },
    };
    expect(() => validateFormData({ definition: definition as FormDefinition, data: {} })).toThrow(
      FormError,
    );
  });
});

describe('validateFormData: every error names its field', () => {
  const pathsOf = (schema: Record<string, unknown>, data: unknown) => {
    const result = validateFormData({ definition: { schema } as FormDefinition, data });
    if (result.ok || 'refused' in result) throw new Error('expected errors');
    return result.errors.map((error) => `${error.keyword} ${error.path}`).sort();
  };

  it('points required, dependencies and additionalProperties at the property', () => {
    const schema = {
      type: 'object',
      properties: { a: {}, b: {}, c: {}, d: {} },
      required: ['hidden'],
      dependencies: { a: ['b'] },
      additionalProperties: false,
    };
    expect(pathsOf(schema, { a: 1, c: 1, extra: 1 })).toEqual([
      'additionalProperties /extra',
      'dependencies /b',
      'required /hidden',
    ]);
  });

  it('points propertyNames errors at the badly named property', () => {
    const schema = { type: 'object', propertyNames: { maxLength: 3 } };
    expect(pathsOf(schema, { long: 1 })).toEqual(['maxLength /long', 'propertyNames /long']);
  });

  it('points required inside then and inside array items at the missing member', () => {
    const schema = {
      type: 'object',
      properties: { kind: { type: 'string' }, list: { type: 'array', items: { required: ['n'] } } },
      if: { properties: { kind: { const: 'x' } }, required: ['kind'] },
      // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword
      then: { required: ['reason'] },
    };
    expect(pathsOf(schema, { kind: 'x', list: [{}] })).toEqual([
      'if ',
      'required /list/0/n',
      'required /reason',
    ]);
  });
});

describe('validateFormData: defaults', () => {
  const definition = {
    schema: {
      type: 'object',
      properties: {
        plan: { type: 'string', default: 'free' },
        nested: { type: 'object', properties: { on: { type: 'boolean', default: false } } },
      },
      required: ['plan'],
    },
  } as FormDefinition;

  it('fills defaults into a copy, which it returns to be stored', () => {
    const data = { nested: {} };
    expect(validateFormData({ definition, data })).toEqual({
      ok: true,
      data: { plan: 'free', nested: { on: false } },
    });
    expect(data).toEqual({ nested: {} });
  });

  it('keeps what was sent over a default', () => {
    const data = { plan: 'pro', nested: { on: true } };
    expect(validateFormData({ definition, data })).toEqual({ ok: true, data });
  });

  it('keeps the data caps for what defaults add', () => {
    const big = {
      schema: {
        type: 'object',
        properties: {
          list: {
            type: 'array',
            items: {
              type: 'object',
              properties: { text: { type: 'string', default: 'x'.repeat(200) } },
            },
          },
        },
      },
    } as FormDefinition;
    const result = validateFormData({
      definition: big,
      data: { list: Array.from({ length: 200 }, () => ({})) },
    });
    expect('refused' in result && result.refused.code).toBe('FORM_DATA_TOO_LARGE');
  });
});
