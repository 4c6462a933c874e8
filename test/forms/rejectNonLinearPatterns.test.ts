import { describe, expect, it } from 'vitest';
import { compileLinearPattern } from '../../forms/compileLinearPattern';
import { validateFormData } from '../../forms/validateFormData';
import { validateFormDefinition } from '../../forms/validateFormDefinition';
import { expectRejected, withSchema } from './formTestHelpers';

const accepted = (schema: Record<string, unknown>) => {
  const result = validateFormDefinition({ definition: { schema } });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('patterns at upload', () => {
  it('names each pattern the linear-time engine cannot run by its JSON pointer', () => {
    const fields = expectRejected(
      withSchema({
        type: 'object',
        properties: {
          pattern: { type: 'string', pattern: '(a)\\1' },
          list: { type: 'array', items: { type: 'string', pattern: '^(?=x)' } },
        },
        patternProperties: { '^(?<!a)b$': { type: 'string' } },
        definitions: { d: { anyOf: [{ type: 'string', pattern: 'a{2000}' }] } },
      }),
    );
    expect(fields.map((f) => f.path).sort()).toEqual([
      '/schema/definitions/d/anyOf/0/pattern',
      '/schema/patternProperties/^(?<!a)b$',
      '/schema/properties/list/items/pattern',
      '/schema/properties/pattern/pattern',
    ]);
    expect(fields.find((f) => f.path.endsWith('list/items/pattern'))?.message).toMatch(/lookahead/);
  });

  it('reads a property named "pattern" as a property, not as a regular expression', () => {
    accepted({ type: 'object', properties: { pattern: { type: 'string', minLength: 1 } } });
  });

  it('refuses patterns whose compiled programs are too large, alone or together', () => {
    expectRejected(
      withSchema({
        type: 'object',
        properties: { a: { type: 'string', pattern: '(\\w{1,500}){1,3}' } },
      }),
      { path: '/schema/properties/a/pattern' },
    );
    const eight = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [
        `p${i}`,
        { type: 'string', pattern: `^[a-z]{1,${200 + i}}$` },
      ]),
    );
    expectRejected(withSchema({ type: 'object', properties: eight }), { path: '/schema' });
  });
});

describe('patterns at submission', () => {
  it.each([
    ['^(a+)+$', `${'a'.repeat(40)}!`],
    ['^([A-Za-z0-9]+\\s?)*$', `${'a1'.repeat(4000)}!`],
    ['^(\\w+\\s?)*$', `${'ab '.repeat(2700)}!`],
  ])('runs %j in linear time (refusing, not hanging)', (pattern, text) => {
    const definition = accepted({
      type: 'object',
      properties: {
        text: { type: 'string', pattern },
        keyed: {
          type: 'object',
          patternProperties: { [pattern]: { type: 'number' } },
          additionalProperties: false,
        },
      },
    });
    const result = validateFormData({ definition, data: { text, keyed: { [text]: 1 } } });
    expect('errors' in result && result.errors.map((e) => [e.path, e.keyword])).toEqual([
      ['/text', 'pattern'],
      [`/keyed/${text}`, 'additionalProperties'],
    ]);
  });

  it('matches as ECMAScript would, for patternProperties too', () => {
    const definition = accepted({
      type: 'object',
      properties: {},
      patternProperties: { '^x-\\S+$': { type: 'number' } },
      additionalProperties: false,
    });
    expect(validateFormData({ definition, data: { 'x-a': 1 } }).ok).toBe(true);
    expect(validateFormData({ definition, data: { 'x-\u00a0': 1 } }).ok).toBe(false);
  });

  it('keys compiled patterns by their source, so two patterns never share one', () => {
    const a = compileLinearPattern({ pattern: '^a$' });
    const b = compileLinearPattern({ pattern: '^b$' });
    expect(a.ok && b.ok && String(a.regExp) !== String(b.regExp)).toBe(true);
  });
});
