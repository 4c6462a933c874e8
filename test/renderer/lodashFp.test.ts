import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import setFp from '../../renderer/forms/lodashFp/setFp';
import unsetFp from '../../renderer/forms/lodashFp/unsetFp';

// The real lodash/fp (a dependency of @jsonforms/core), which ships no types.
const require = createRequire(import.meta.url);
const lodashSet = require('lodash/fp/set') as (path: string, value: unknown, o: unknown) => unknown;
const lodashUnset = require('lodash/fp/unset') as (path: string, o: unknown) => unknown;

const objects: unknown[] = [
  undefined,
  {},
  { a: { b: [1, 2, { c: 'x' }] } },
  { comments: [{ message: 'hi' }, { message: 'yo' }] },
  { a: null },
  [1, 2, 3],
];
const paths = [
  'a',
  'a.b',
  'a.b.0',
  'a.b.2.c',
  'comments.1.message',
  'comments.3.message',
  'x.0.y',
  '0',
];

describe('the lodash/fp stand-ins give what lodash/fp gives @jsonforms/core', () => {
  it('set: same result, the input untouched', () => {
    for (const object of objects) {
      for (const path of paths) {
        const before = JSON.stringify(object);
        expect(setFp(path, 'v', object), `${path} on ${before}`).toEqual(
          lodashSet(path, 'v', object),
        );
        expect(JSON.stringify(object)).toBe(before);
      }
    }
  });

  it('unset: same result, the input untouched', () => {
    for (const object of objects) {
      for (const path of paths) {
        const before = JSON.stringify(object);
        expect(unsetFp(path, object), `${path} on ${before}`).toEqual(lodashUnset(path, object));
        expect(JSON.stringify(object)).toBe(before);
      }
    }
  });

  it('replaces a primitive on the path with a container (lodash/fp boxes it instead)', () => {
    expect(setFp('a.b', 'v', { a: 1 })).toEqual({ a: { b: 'v' } });
    expect(setFp('a.0', 'v', { a: 'text' })).toEqual({ a: ['v'] });
    expect(unsetFp('a.b', { a: 1 })).toEqual({ a: 1 });
  });

  it('never writes through __proto__, constructor or prototype', () => {
    const result = setFp('__proto__.polluted', true, {}) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(setFp('constructor.prototype.x', 1, {})).toEqual({});
  });
});
