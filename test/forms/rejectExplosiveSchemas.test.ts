import { describe, expect, it } from 'vitest';
import { validateFormDefinition } from '../../forms/validateFormDefinition';
import { expectRejected, withSchema } from './formTestHelpers';

const accepts = (schema: Record<string, unknown>) =>
  expect(validateFormDefinition({ definition: { schema } }).ok).toBe(true);

/** Definitions d0…d{levels-1}, each applying the next `fanOut` times to the same value. */
function laughs(levels: number, fanOut: number) {
  const definitions: Record<string, unknown> = { [`d${levels}`]: { type: 'string' } };
  for (let i = 0; i < levels; i++) {
    definitions[`d${i}`] = {
      allOf: Array.from({ length: fanOut }, () => ({ $ref: `#/definitions/d${i + 1}` })),
    };
  }
  return { type: 'object', definitions, properties: { x: { $ref: '#/definitions/d0' } } };
}

describe('schemas that check one value an exploding number of times', () => {
  it('refuses $refs that multiply (10⁹ checks of one string from a 2 KB schema)', () => {
    const [issue] = expectRejected(withSchema(laughs(9, 10)), { path: '/schema' });
    expect(issue?.message).toMatch(/checks one value more than 256 times/);
  });

  it('refuses a recursion that doubles per level of nesting', () => {
    expectRejected(
      withSchema({ type: 'object', properties: { a: { anyOf: [{ $ref: '#' }, { $ref: '#' }] } } }),
      { path: '/schema' },
    );
  });

  it('refuses a $ref cycle on the same value, which recurses on any submission', () => {
    const [issue] = expectRejected(
      withSchema({
        type: 'object',
        properties: {},
        allOf: [{ $ref: '#/definitions/a' }],
        definitions: { a: { $ref: '#' } },
      }),
    );
    expect(issue?.message).toMatch(/cycle that never descends/);
  });

  it('accepts recursion through the data and modest reuse', () => {
    accepts({ type: 'object', properties: { a: { $ref: '#' } } });
    accepts({
      type: 'object',
      definitions: {
        node: {
          type: 'object',
          properties: {
            left: { $ref: '#/definitions/node' },
            right: { $ref: '#/definitions/node' },
          },
        },
      },
      properties: { root: { $ref: '#/definitions/node' } },
    });
    accepts(laughs(3, 4));
  });

  it('charges one value only what reaches it together, not every definition of a big schema', () => {
    // 40 properties, each a $ref to its own definition of 9 schemas: 360 in all, 9 per value.
    const definitions: Record<string, unknown> = {};
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 40; i++) {
      definitions[`d${i}`] = { allOf: Array.from({ length: 8 }, () => ({ type: 'string' })) };
      properties[`p${i}`] = { $ref: `#/definitions/d${i}` };
    }
    accepts({ type: 'object', definitions, properties });
    // The same in an array of objects, one level further down.
    accepts({
      type: 'object',
      definitions,
      properties: { rows: { type: 'array', items: { type: 'object', properties } } },
    });
  });

  it('still adds up what several schemas apply to the same member', () => {
    // 20 schemas on the root each send member x to a definition of 16: 320 checks of x.
    const heavy = { allOf: Array.from({ length: 15 }, () => ({ type: 'string' })) };
    const allOf = Array.from({ length: 20 }, () => ({
      properties: { x: { $ref: '#/definitions/heavy' } },
    }));
    expectRejected(withSchema({ type: 'object', definitions: { heavy }, allOf }), {
      path: '/schema',
    });
    // …and what additionalProperties applies to members no `properties` names.
    const open = Array.from({ length: 20 }, () => ({
      additionalProperties: { $ref: '#/definitions/heavy' },
    }));
    expectRejected(withSchema({ type: 'object', definitions: { heavy }, allOf: open }), {
      path: '/schema',
    });
  });
});
