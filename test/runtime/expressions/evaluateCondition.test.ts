// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" is the template syntax under test, not a mistaken template literal.
import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../../runtime/expressions/ExpressionError';
import { evaluateCondition } from '../../../runtime/expressions/evaluateCondition';

function errorOf(run: () => unknown): ExpressionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error('expected an ExpressionError, nothing was thrown');
}

const context = {
  _decision: 'PASS',
  _dataForms: { reg: { currentCapture: { data: { retry: false, tries: 0 } } } },
  one: 1,
  oneText: '1',
  zero: 0,
  empty: '',
  nothing: null,
  yes: true,
  no: false,
  object: {},
  list: [],
};

const when = (expression: string, ctx: Record<string, unknown> = context) =>
  evaluateCondition({ expression, context: ctx });

describe('evaluateCondition', () => {
  it('evaluates the typical decision condition', () => {
    const expression = "${_decision == 'PASS' && !_dataForms.reg.currentCapture.data.retry}";
    expect(when(expression)).toBe(true);
    expect(when(expression, { ...context, _decision: 'FAIL' })).toBe(false);
    expect(
      when(expression, {
        ...context,
        _dataForms: { reg: { currentCapture: { data: { retry: true } } } },
      }),
    ).toBe(false);
    expect(when(expression, {})).toBe(false);
  });

  it('supports ==', () => {
    expect(when("${_decision == 'PASS'}")).toBe(true);
    expect(when("${_decision == 'FAIL'}")).toBe(false);
    expect(when('${one == 1}')).toBe(true);
    expect(when('${nothing == null}')).toBe(true);
    expect(when('${yes == true}')).toBe(true);
  });

  it('supports !=', () => {
    expect(when("${_decision != 'FAIL'}")).toBe(true);
    expect(when("${_decision != 'PASS'}")).toBe(false);
  });

  it('compares strictly, without coercion', () => {
    expect(when("${one == '1'}")).toBe(false);
    expect(when('${oneText == 1}')).toBe(false);
    expect(when('${zero == false}')).toBe(false);
    expect(when('${empty == 0}')).toBe(false);
    expect(when('${missing == null}')).toBe(false);
    expect(when('${nothing != missing}')).toBe(true);
    expect(when("${one != '1'}")).toBe(true);
    // Objects compare by identity, so two different objects are never equal.
    expect(when('${object == list}')).toBe(false);
    expect(when('${object == object}')).toBe(true);
  });

  it('supports && and ||', () => {
    expect(when('${yes && one}')).toBe(true);
    expect(when('${yes && no}')).toBe(false);
    expect(when('${no || one}')).toBe(true);
    expect(when('${no || zero}')).toBe(false);
  });

  it('supports ! and parentheses, with JS precedence', () => {
    expect(when('${!no}')).toBe(true);
    expect(when('${!!one}')).toBe(true);
    expect(when('${!missing}')).toBe(true);
    expect(when('${!(no || yes)}')).toBe(false);
    expect(when('${!no || yes}')).toBe(true);
    expect(when('${yes || yes && no}')).toBe(true);
    expect(when('${(yes || yes) && no}')).toBe(false);
    expect(when("${(_decision == 'PASS') == true}")).toBe(true);
  });

  it('short-circuits, so the right side of a decided && or || is not read', () => {
    const ctx = { ...context, picked: 'one' };
    expect(when('${no && object[picked]}', ctx)).toBe(false);
    expect(when('${yes || object[picked]}', ctx)).toBe(true);
    expect(when('${missing && missing.deeper}', ctx)).toBe(false);
  });

  it('is false, not an error, for a computed key that names a forbidden or inherited member', () => {
    for (const bad of ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty']) {
      const ctx = { ...context, bad };
      expect(when('${object[bad]}', ctx)).toBe(false);
      expect(when('${yes && object[bad]}', ctx)).toBe(false);
      expect(when('${object[bad] == null}', ctx)).toBe(false);
      expect(when('${!object[bad]}', ctx)).toBe(true);
    }
  });

  it('turns any value into a boolean by truthiness', () => {
    expect(when('${missing}')).toBe(false);
    expect(when('${missing.deeper}')).toBe(false);
    expect(when('${nothing}')).toBe(false);
    expect(when('${zero}')).toBe(false);
    expect(when('${empty}')).toBe(false);
    expect(when('${one}')).toBe(true);
    expect(when('${object}')).toBe(true);
    expect(when('${list}')).toBe(true);
    expect(when("${'text'}")).toBe(true);
    expect(when('${true}')).toBe(true);
    expect(when('${null}')).toBe(false);
  });

  it('rejects anything but exactly one ${...}', () => {
    for (const expression of [
      "_decision == 'PASS'",
      ' ${yes}',
      '${yes} ',
      'when ${yes}',
      '${yes}${yes}',
      '${yes} && ${no}',
      '',
      '${yes',
    ]) {
      const error = errorOf(() => when(expression));
      expect(error.code).toBe('EXPRESSION_SYNTAX');
      expect(error.expression).toBe(expression);
      expect(error.message).toContain('not exactly one "${...}"');
    }
  });

  it('rejects a condition that is not a string', () => {
    for (const expression of [true, null, 1, {}]) {
      const error = errorOf(() => when(expression as unknown as string));
      expect(error.code).toBe('EXPRESSION_SYNTAX');
      expect(error.message).toContain('condition must be a string');
    }
  });

  it.each([
    ['${a.b()}', 'EXPRESSION_FORBIDDEN'],
    ['${constructor}', 'EXPRESSION_FORBIDDEN'],
    ['${a.__proto__}', 'EXPRESSION_FORBIDDEN'],
    ['${a["__proto__"]}', 'EXPRESSION_FORBIDDEN'],
    ["${a['constr'+'uctor']}", 'EXPRESSION_FORBIDDEN'],
    ['${this}', 'EXPRESSION_FORBIDDEN'],
    ['${a = 1}', 'EXPRESSION_SYNTAX'],
    ['${a ? b : c}', 'EXPRESSION_FORBIDDEN'],
    ['${one === 1}', 'EXPRESSION_FORBIDDEN'],
    ['${one > 0}', 'EXPRESSION_FORBIDDEN'],
    ['${!}', 'EXPRESSION_SYNTAX'],
  ])('rejects %s with %s', (expression, code) => {
    expect(errorOf(() => when(expression)).code).toBe(code);
  });
});
