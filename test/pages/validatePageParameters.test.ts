import { describe, expect, it } from 'vitest';
import { validatePageParameters } from '../../pages/validatePageParameters';

const fails = (parameters: unknown, options: Record<string, number> = {}) => {
  const result = validatePageParameters({ parameters, ...options });
  return result.ok ? 'ok' : result.error.message;
};

describe('validatePageParameters', () => {
  it('accepts plain names with JSON values', () => {
    const parameters = { a: 1, b_2: [true, null, 'x'], c: { d: { e: 1.5 } } };
    expect(validatePageParameters({ parameters })).toEqual({ ok: true, parameters });
  });

  type Case = [string, unknown, string, Record<string, number>?];
  it.each<Case>([
    ['not an object', ['x'], 'expected an object'],
    ['a dashed name', { 'a-b': 1 }, 'expected 1-64 letters'],
    ['a name starting with a digit', { '1a': 1 }, 'expected 1-64 letters'],
    [
      'too many names',
      Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`v${i}`, i])),
      'at most 50',
    ],
    ['NaN', { a: Number.NaN }, 'finite'],
    ['a Date', { a: new Date(0) }, 'a Date'],
    ['a Map', { a: new Map() }, 'a Map'],
    ['a prototype key', { a: JSON.parse('{"__proto__": {"x": 1}}') }, 'forbidden key'],
    ['a constructor key', { a: { constructor: 1 } }, 'forbidden key'],
    ['deep nesting', { a: [[[[[[1]]]]]] }, 'nesting deeper', { maxDepth: 4 }],
    ['a big value', { a: 'x'.repeat(100) }, 'at most 50', { maxValueBytes: 50 }],
    ['a big total', { a: 'x'.repeat(40), b: 'y'.repeat(40) }, 'in all', { maxTotalBytes: 50 }],
  ])('refuses %s', (_, parameters, said, options) => {
    expect(fails(parameters, options)).toContain(said);
  });
});
