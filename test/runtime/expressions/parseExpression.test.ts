import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../../runtime/expressions/ExpressionError';
import { parseExpression } from '../../../runtime/expressions/parseExpression';

function errorOf(run: () => unknown): ExpressionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error('expected an ExpressionError, nothing was thrown');
}

describe('parseExpression', () => {
  it('accepts the whole grammar', () => {
    const sources = [
      '_identityStore.passkeys.registrations["passkeyReg1"].currentPasskeyRegistrationRecord.startPasskeyRegistrationResponse.clientRequest',
      "_decision == 'PASS' && !_dataForms.reg.currentCapture.data.retry",
      'a != b || (c && !d)',
      'a[0][1].b',
      "a['b']",
      'a[b]',
      'a?.b',
      'true',
      'false',
      'null',
      '42',
      '-1.5',
      '"x"',
    ];
    for (const source of sources) expect(() => parseExpression({ source })).not.toThrow();
  });

  it('returns a frozen tree of the allowed node shapes', () => {
    const parsed = parseExpression({ source: 'a["b"].c == -1' });
    expect(parsed).toEqual({
      source: 'a["b"].c == -1',
      root: {
        type: 'Binary',
        operator: '==',
        left: {
          type: 'Member',
          key: 'c',
          object: { type: 'Member', key: 'b', object: { type: 'Identifier', name: 'a' } },
        },
        right: { type: 'Literal', value: -1 },
      },
    });
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(Object.isFrozen(parsed.root)).toBe(true);
    if (parsed.root.type !== 'Binary') throw new Error('expected a Binary root');
    expect(Object.isFrozen(parsed.root.left)).toBe(true);
  });

  it('keeps a non-literal bracket key for evaluation', () => {
    expect(parseExpression({ source: 'a[b]' }).root).toEqual({
      type: 'ComputedMember',
      object: { type: 'Identifier', name: 'a' },
      key: { type: 'Identifier', name: 'b' },
    });
  });

  it.each([
    ['a.b()', 'function call'],
    ['f()', 'function call'],
    ['a?.b()', 'function call'],
    ['constructor', '"constructor"'],
    ['__proto__', '"__proto__"'],
    ['prototype', '"prototype"'],
    ['a.__proto__', '"__proto__"'],
    ['a.constructor', '"constructor"'],
    ['a.prototype', '"prototype"'],
    ['a[0].constructor.prototype', '"constructor"'],
    ['a["__proto__"]', '"__proto__"'],
    ["a['constructor']", '"constructor"'],
    ["a['constr'+'uctor']", '"+"'],
    ['this', '"this"'],
    ['this.a', '"this"'],
    ['a ? b : c', 'conditional'],
    ['a + 1', '"+"'],
    ['a - 1', '"-"'],
    ['a * 2', '"*"'],
    ['a / 2', '"/"'],
    ['a % 2', '"%"'],
    ['a < b', '"<"'],
    ['a >= b', '">="'],
    ['a ?? b', '"??"'],
    ['a | b', '"|"'],
    ['a === b', '"==="'],
    ['a !== b', '"!=="'],
    ['-a', '"-"'],
    ['+a', '"+"'],
    ['~a', '"~"'],
    ['--1', '"-"'],
    ['typeof a', 'several expressions'],
    ['new Date()', 'several expressions'],
    ['new A', 'several expressions'],
    ['a; b', 'several expressions'],
    ['a b', 'several expressions'],
    ['(a, b)', 'sequence'],
    ['[1, 2]', 'array literal'],
    ['a[true]', 'boolean bracket key'],
    ['a[null]', 'null bracket key'],
  ])('rejects %s as EXPRESSION_FORBIDDEN', (source, detail) => {
    const error = errorOf(() => parseExpression({ source }));
    expect(error.code).toBe('EXPRESSION_FORBIDDEN');
    expect(error.expression).toBe(source);
    expect(error.message).toContain(detail);
    expect(error.message).toContain('expected only');
  });

  it.each([
    'a = 1',
    'a += 1',
    'a++',
    '{a: 1}',
    '`x`',
    '/x/',
    'a.',
    'a..b',
    '"abc',
    'a[',
    '(a',
    'a)',
  ])('rejects %s as EXPRESSION_SYNTAX', (source) => {
    const error = errorOf(() => parseExpression({ source }));
    expect(error.code).toBe('EXPRESSION_SYNTAX');
    expect(error.expression).toBe(source);
    expect(error.message).toContain('does not parse');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('rejects an empty or blank expression', () => {
    for (const source of ['', '   ']) {
      const error = errorOf(() => parseExpression({ source }));
      expect(error.code).toBe('EXPRESSION_SYNTAX');
      expect(error.message).toContain('empty');
    }
  });

  it('rejects a source that is not a string', () => {
    const error = errorOf(() => parseExpression({ source: 42 as unknown as string }));
    expect(error.code).toBe('EXPRESSION_SYNTAX');
    expect(error.message).toContain('received number');
  });

  it('caps the source at 2000 characters', () => {
    const atCap = `a${'b'.repeat(1999)}`;
    expect(() => parseExpression({ source: atCap })).not.toThrow();
    const error = errorOf(() => parseExpression({ source: `${atCap}c` }));
    expect(error.code).toBe('EXPRESSION_TOO_COMPLEX');
    expect(error.message).toContain('2001 characters');
    expect(error.message).toContain('at most 2000');
  });

  it('caps the tree at 32 levels', () => {
    expect(() => parseExpression({ source: `a${'.b'.repeat(31)}` })).not.toThrow();
    const deepPath = errorOf(() => parseExpression({ source: `a${'.b'.repeat(32)}` }));
    expect(deepPath.code).toBe('EXPRESSION_TOO_COMPLEX');
    expect(deepPath.message).toContain('at most 32');

    const deepNot = errorOf(() => parseExpression({ source: `${'!'.repeat(1999)}a` }));
    expect(deepNot.code).toBe('EXPRESSION_TOO_COMPLEX');
    const longChain = errorOf(() => parseExpression({ source: `${'a == '.repeat(399)}a` }));
    expect(longChain.code).toBe('EXPRESSION_TOO_COMPLEX');
  });

  it('does not count parentheses as depth', () => {
    expect(() =>
      parseExpression({ source: `${'('.repeat(999)}a${')'.repeat(999)}` }),
    ).not.toThrow();
  });

  it('returns the cached tree for a source it has seen', () => {
    const source = 'cached.path == 1';
    expect(parseExpression({ source })).toBe(parseExpression({ source }));
  });

  it('keeps at most 1000 trees, dropping the least recently used', () => {
    const first = parseExpression({ source: 'lru.first' });
    const second = parseExpression({ source: 'lru.second' });
    for (let index = 0; index < 998; index++) parseExpression({ source: `lru.fill${index}` });
    // Touch `first` so `second` is now the least recently used.
    expect(parseExpression({ source: 'lru.first' })).toBe(first);
    parseExpression({ source: 'lru.overflow' });
    expect(parseExpression({ source: 'lru.first' })).toBe(first);
    const reparsed = parseExpression({ source: 'lru.second' });
    expect(reparsed).not.toBe(second);
    expect(reparsed).toEqual(second);
  });

  it('does not cache a rejected source', () => {
    const first = errorOf(() => parseExpression({ source: 'a.b()' }));
    const second = errorOf(() => parseExpression({ source: 'a.b()' }));
    expect(second).not.toBe(first);
    expect(second.code).toBe('EXPRESSION_FORBIDDEN');
  });
});
