import { createAjv, isVisible, type UISchemaElement } from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import { hasRules } from '../../renderer/forms/hasRules';
import { createRuleAjv } from '../../renderer/forms/renderers/layouts/createRuleAjv';

const ruleAjv = createRuleAjv();
const realAjv = createAjv();

const conditions: Record<string, unknown>[] = [
  { scope: '#/properties/a', schema: { const: true } },
  { scope: '#/properties/a', schema: { const: true }, failWhenUndefined: true },
  { scope: '#/properties/a', schema: { not: { const: 'Other' } } },
  { scope: '#/properties/a', schema: { enum: ['x', 1] } },
  { scope: '#/properties/a', schema: { type: 'string', minLength: 2 } },
  { scope: '#/properties/a', schema: { minLength: 2 } },
  { scope: '#/properties/a', schema: { pattern: '^[0-9]+$' } },
  { scope: '#/properties/a', schema: { anyOf: [{ const: 1 }, { not: {} }] } },
  { scope: '#/properties/a', schema: { oneOf: [{ minimum: 3 }, { not: { type: 'number' } }] } },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else, not a promise
  { scope: '#/properties/a', schema: { if: { const: 1 }, then: { type: 'number' }, else: false } },
  { scope: '#/properties/a', schema: { contains: { const: 'b' } } },
  { scope: '#', schema: { required: ['a'], properties: { a: { const: 'x' } } } },
  {
    type: 'AND',
    conditions: [
      { scope: '#/properties/a', schema: { not: { const: 1 } } },
      { scope: '#/properties/b', schema: { const: true } },
    ],
  },
  {
    type: 'OR',
    conditions: [
      { scope: '#/properties/a', schema: { const: 'x' } },
      { scope: '#/properties/b', schema: { const: true }, failWhenUndefined: true },
    ],
  },
];
const data: unknown[] = [
  {},
  { a: true },
  { a: 'x' },
  { a: 'Other' },
  { a: 1 },
  { a: 5 },
  { a: '123' },
  { a: ['b', 'c'] },
  { a: null },
  { b: true },
  { a: 1, b: true },
  { a: { nested: undefined } },
];

describe('createRuleAjv', () => {
  it('gives @jsonforms/core the same rule verdicts as its own ajv, without generating code', () => {
    for (const condition of conditions) {
      for (const effect of ['SHOW', 'HIDE']) {
        const element = { type: 'Control', scope: '#', rule: { effect, condition } };
        for (const value of data) {
          const ours = isVisible(element as UISchemaElement, value, '', ruleAjv, {});
          const theirs = isVisible(element as UISchemaElement, value, '', realAjv, {});
          expect({ condition, value, ours }).toEqual({ condition, value, ours: theirs });
        }
      }
    }
  });

  it('answers oneOf pre-selection through compile, with ajv-like error keywords', () => {
    const check = ruleAjv.compile({ type: 'object', required: ['mail'] });
    expect(check({ mail: 'x' })).toBe(true);
    expect(check({})).toBe(false);
    expect(check.errors?.map((e) => e.keyword)).toEqual(['required']);
  });

  it('does not run a pattern V8 could backtrack on, nor a bounded one on a long text', () => {
    const risky = { pattern: '^(a+)+$' };
    expect(ruleAjv.validate(risky, 'aaaa')).toBe(false);
    const bounded = { pattern: '^a+$' };
    expect(ruleAjv.validate(bounded, 'aaaa')).toBe(true);
    expect(ruleAjv.validate(bounded, 'a'.repeat(2000))).toBe(false);
  });
});

describe('hasRules', () => {
  it('finds a rule on any element, inside layouts and a detail', () => {
    const rule = { effect: 'HIDE', condition: { scope: '#', schema: {} } };
    expect(hasRules({ type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#' }] })).toBe(
      false,
    );
    expect(hasRules({ type: 'Group', elements: [{ type: 'Label', text: 'x', rule }] })).toBe(true);
    const detail = { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#', rule }] };
    expect(hasRules({ type: 'Control', scope: '#/properties/a', options: { detail } })).toBe(true);
    expect(hasRules(null)).toBe(false);
  });
});
