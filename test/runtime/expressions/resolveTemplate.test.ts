// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" is the template syntax under test, not a mistaken template literal.
import { describe, expect, it, vi } from 'vitest';
import { ExpressionError } from '../../../runtime/expressions/ExpressionError';
import { resolveTemplate } from '../../../runtime/expressions/resolveTemplate';

function errorOf(run: () => unknown): ExpressionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error('expected an ExpressionError, nothing was thrown');
}

const clientRequest = { challenge: 'abc', rp: { id: 'example.com' }, timeout: 60000 };

const context = {
  _identityStore: {
    passkeys: {
      registrations: {
        passkeyReg1: {
          currentPasskeyRegistrationRecord: {
            startPasskeyRegistrationResponse: { clientRequest },
          },
        },
      },
    },
  },
  _dataForms: { reg: { currentCapture: { data: { displayName: 'Ada', retry: false } } } },
  _decision: 'PASS',
  count: 42,
  zero: 0,
  flag: true,
  nothing: null,
  list: ['first', { name: 'second' }],
  text: 'hello',
  'x}y': 'brace key',
  keys: { 'x}y': 1, 'x"}y': 2, "a'b": 3 },
};

const resolve = (template: unknown, ctx: Record<string, unknown> = context) =>
  resolveTemplate({ template, context: ctx });

describe('resolveTemplate: a string that is exactly one ${...}', () => {
  it('yields typed literals', () => {
    expect(resolve('${false}')).toBe(false);
    expect(resolve('${true}')).toBe(true);
    expect(resolve('${42}')).toBe(42);
    expect(resolve('${-1.5}')).toBe(-1.5);
    expect(resolve("${'x'}")).toBe('x');
    expect(resolve('${"y"}')).toBe('y');
    expect(resolve('${null}')).toBe(null);
  });

  it('yields typed values from the context', () => {
    expect(resolve('${count}')).toBe(42);
    expect(resolve('${zero}')).toBe(0);
    expect(resolve('${flag}')).toBe(true);
    expect(resolve('${nothing}')).toBe(null);
    expect(resolve('${list}')).toBe(context.list);
    expect(resolve('${_dataForms.reg.currentCapture.data}')).toEqual({
      displayName: 'Ada',
      retry: false,
    });
  });

  it('follows TrustX-style bracket paths', () => {
    expect(
      resolve(
        '${_identityStore.passkeys.registrations["passkeyReg1"].currentPasskeyRegistrationRecord.startPasskeyRegistrationResponse.clientRequest}',
      ),
    ).toBe(clientRequest);
    expect(resolve("${_identityStore['passkeys'].registrations['passkeyReg1']}")).toBe(
      context._identityStore.passkeys.registrations.passkeyReg1,
    );
    expect(resolve('${list[0]}')).toBe('first');
    expect(resolve('${list[1].name}')).toBe('second');
    expect(resolve('${list[1]["name"]}')).toBe('second');
    expect(resolve('${list?.[1]?.name}')).toBe('second');
  });

  it('yields undefined for missing paths, wherever the path breaks', () => {
    expect(resolve('${missing}')).toBeUndefined();
    expect(resolve('${missing.deeper.still}')).toBeUndefined();
    expect(resolve('${nothing.deeper}')).toBeUndefined();
    expect(resolve('${count.deeper}')).toBeUndefined();
    expect(resolve('${list[5]}')).toBeUndefined();
    expect(resolve('${list[-1]}')).toBeUndefined();
    expect(resolve('${_identityStore.passkeys.registrations["passkeyReg2"].x}')).toBeUndefined();
  });

  it('supports && and || as value operators', () => {
    expect(resolve("${missing || 'default'}")).toBe('default');
    expect(resolve("${text || 'default'}")).toBe('hello');
    expect(resolve('${flag && count}')).toBe(42);
    expect(resolve('${zero && count}')).toBe(0);
    expect(resolve('${count == 42}')).toBe(true);
    expect(resolve('${!flag}')).toBe(false);
  });

  it('finds the closing brace past a } inside a string literal', () => {
    expect(resolve('${keys["x}y"]}')).toBe(1);
    expect(resolve("${keys['x}y']}")).toBe(1);
    expect(resolve('${keys["x\\"}y"]}')).toBe(2);
    expect(resolve('${keys["a\'b"]}')).toBe(3);
    expect(resolve('<${keys["x}y"]}|${keys[\'x}y\']}>')).toBe('<1|1>');
  });
});

describe('resolveTemplate: text with embedded ${...}', () => {
  it('interpolates values as text', () => {
    expect(resolve('Hello ${_dataForms.reg.currentCapture.data.displayName}!')).toBe('Hello Ada!');
    expect(resolve('${count} items, flag ${flag}, zero ${zero}')).toBe(
      '42 items, flag true, zero 0',
    );
    expect(resolve('${text}${text}')).toBe('hellohello');
  });

  it('renders undefined and null as empty text', () => {
    expect(resolve('[${missing}][${nothing}][${missing.x}]')).toBe('[][][]');
  });

  it('renders objects and arrays as JSON', () => {
    expect(resolve('data: ${_dataForms.reg.currentCapture.data}')).toBe(
      'data: {"displayName":"Ada","retry":false}',
    );
    expect(resolve('list: ${list}')).toBe('list: ["first",{"name":"second"}]');
  });

  it('treats surrounding spaces as text, so the result is a string', () => {
    expect(resolve(' ${count}')).toBe(' 42');
    expect(resolve('${count} ')).toBe('42 ');
  });

  it('leaves strings without ${ untouched', () => {
    for (const template of ['plain', '', '$', '$x', '{x}', '$ {x}', '}', '{${', '$$']) {
      if (template.includes('${')) continue;
      expect(resolve(template)).toBe(template);
    }
    expect(resolve('$${count}')).toBe('$42');
    expect(resolve('{${count}}')).toBe('{42}');
  });

  it('rejects an unterminated ${', () => {
    for (const template of ['${count', 'Hello ${name', '${count} and ${', '${a["}"]']) {
      const error = errorOf(() => resolve(template));
      expect(error.code).toBe('EXPRESSION_SYNTAX');
      expect(error.expression).toBe(template);
      expect(error.message).toContain('no closing "}"');
    }
  });

  it('rejects an empty ${}', () => {
    expect(errorOf(() => resolve('${}')).code).toBe('EXPRESSION_SYNTAX');
    expect(errorOf(() => resolve('x ${ } y')).code).toBe('EXPRESSION_SYNTAX');
  });
});

describe('resolveTemplate: JSON values', () => {
  it('resolves objects and arrays recursively and leaves other values as is', () => {
    const template = {
      constants: { a: '${count}', b: 'n=${count}', c: 'plain' },
      list: ['${flag}', 3, true, null, ['${text}']],
      number: 7,
      boolean: false,
      nothing: null,
    };
    expect(resolve(template)).toEqual({
      constants: { a: 42, b: 'n=42', c: 'plain' },
      list: [true, 3, true, null, ['hello']],
      number: 7,
      boolean: false,
      nothing: null,
    });
    expect(template.constants.a).toBe('${count}');
    expect(resolve(7)).toBe(7);
    expect(resolve(null)).toBe(null);
    expect(resolve(undefined)).toBeUndefined();
  });

  it('does not resolve object keys', () => {
    expect(resolve({ '${count}': '${count}' })).toEqual({ '${count}': 42 });
  });

  it('keeps a JSON "__proto__" key as data and pollutes nothing', () => {
    const template = JSON.parse('{"__proto__": {"polluted": "${text}"}, "a": "${count}"}');
    const resolved = resolve(template) as Record<string, unknown>;
    expect(Object.getPrototypeOf(resolved)).toBe(Object.prototype);
    expect(Object.hasOwn(resolved, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(resolved, '__proto__')?.value).toEqual({
      polluted: 'hello',
    });
    expect(resolved.a).toBe(42);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('resolveTemplate: only own, enumerable data is readable', () => {
  it('does not read inherited properties', () => {
    const ctx = { _x: { a: 1 }, arr: [1, 2], s: 'abc' };
    expect(resolve('${_x.toString}', ctx)).toBeUndefined();
    expect(resolve('${_x.hasOwnProperty}', ctx)).toBeUndefined();
    expect(resolve('${_x.valueOf}', ctx)).toBeUndefined();
    expect(resolve("${_x['__defineGetter__']}", ctx)).toBeUndefined();
    expect(resolve('${toString}', ctx)).toBeUndefined();
    expect(resolve('${arr.map}', ctx)).toBeUndefined();
    expect(resolve('text ${_x.toString} end', ctx)).toBe('text  end');
  });

  it('does not read length or characters of arrays and strings', () => {
    const ctx = { arr: [1, 2], s: 'abc' };
    expect(resolve('${arr.length}', ctx)).toBeUndefined();
    expect(resolve('${s.length}', ctx)).toBeUndefined();
    expect(resolve('${s[0]}', ctx)).toBeUndefined();
  });

  it('does not read into class instances, functions or getters', () => {
    class Holder {
      secret = 'field';
    }
    const getter = vi.fn(() => 'computed');
    const ctx = {
      instance: new Holder(),
      date: new Date(0),
      fn: Object.assign(() => 1, { prop: 'on function' }),
      inherited: Object.create({ viaProto: 1 }),
      withGetter: Object.defineProperty({}, 'value', { get: getter, enumerable: true }),
      hidden: Object.defineProperty({}, 'value', { value: 1, enumerable: false }),
      bare: Object.assign(Object.create(null), { value: 'null prototype' }),
    };
    expect(resolve('${instance.secret}', ctx)).toBeUndefined();
    expect(resolve('${date.getTime}', ctx)).toBeUndefined();
    expect(resolve('${fn}', ctx)).toBeUndefined();
    expect(resolve('${fn.prop}', ctx)).toBeUndefined();
    expect(resolve('${inherited.viaProto}', ctx)).toBeUndefined();
    expect(resolve('${withGetter.value}', ctx)).toBeUndefined();
    expect(getter).not.toHaveBeenCalled();
    expect(resolve('${hidden.value}', ctx)).toBeUndefined();
    expect(resolve('${bare.value}', ctx)).toBe('null prototype');
  });

  it('does not read from a context that is not a plain object', () => {
    expect(resolve('${length}', [1, 2] as unknown as Record<string, unknown>)).toBeUndefined();
    expect(
      resolve('${a}', Object.assign(new Map(), { a: 1 }) as unknown as Record<string, unknown>),
    ).toBeUndefined();
  });
});

describe('resolveTemplate: computed bracket keys', () => {
  const ctx = {
    data: { name: 'Ada', 0: 'zero', constructor: 'own data' },
    arr: ['a', 'b'],
    keyName: 'name',
    index: 1,
    bad: 'constructor',
    proto: '__proto__',
    yes: true,
    obj: {},
  };

  it('reads with a key that evaluates to a string or number', () => {
    expect(resolve('${data[keyName]}', ctx)).toBe('Ada');
    expect(resolve('${arr[index]}', ctx)).toBe('b');
    expect(resolve('${data[arr[5]]}', ctx)).toBeUndefined();
    expect(resolve('${data[missing]}', ctx)).toBeUndefined();
  });

  it('reads a key that evaluates to a forbidden name as undefined, even over own data', () => {
    // The key is data (what an end user typed): never an error, never the prototype chain.
    for (const name of ['constructor', '__proto__', 'prototype']) {
      const context = { ...ctx, key: name, own: JSON.parse(`{"${name}": "own data"}`) };
      expect(resolve('${data[key]}', context)).toBeUndefined();
      expect(resolve('${own[key]}', context)).toBeUndefined();
      expect(resolve('${arr[key]}', context)).toBeUndefined();
      expect(resolve('${key[key]}', context)).toBeUndefined();
      expect(resolve('x ${data[key]} y', context)).toBe('x  y');
    }
    expect(resolve('${data[bad]}', ctx)).toBeUndefined();
    expect(resolve('${data[proto]}', ctx)).toBeUndefined();
  });

  it('reads inherited members through a computed key as undefined', () => {
    for (const name of ['toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'length']) {
      const context = { ...ctx, key: name, text: 'abc' };
      expect(resolve('${data[key]}', context)).toBeUndefined();
      expect(resolve('${arr[key]}', context)).toBeUndefined();
      expect(resolve('${text[key]}', context)).toBeUndefined();
    }
  });

  it('reads a key that evaluates to anything but a string or number as undefined', () => {
    for (const template of [
      '${data[yes]}',
      '${data[obj]}',
      '${data[arr]}',
      '${data[data.missing == null]}',
      '${arr[nothing]}',
    ]) {
      expect(resolve(template, { ...ctx, nothing: null })).toBeUndefined();
    }
  });
});

describe('resolveTemplate: forbidden syntax is rejected before evaluation', () => {
  it.each([
    ['${a.b()}', 'EXPRESSION_FORBIDDEN'],
    ['${constructor}', 'EXPRESSION_FORBIDDEN'],
    ['${a.__proto__}', 'EXPRESSION_FORBIDDEN'],
    ['${a["__proto__"]}', 'EXPRESSION_FORBIDDEN'],
    ["${a['constr'+'uctor']}", 'EXPRESSION_FORBIDDEN'],
    ['${this}', 'EXPRESSION_FORBIDDEN'],
    ['${a = 1}', 'EXPRESSION_SYNTAX'],
    ['${a ? b : c}', 'EXPRESSION_FORBIDDEN'],
    ['Hello ${a.b()}', 'EXPRESSION_FORBIDDEN'],
    [`\${a${'.b'.repeat(32)}}`, 'EXPRESSION_TOO_COMPLEX'],
    [`\${${'a'.repeat(2001)}}`, 'EXPRESSION_TOO_COMPLEX'],
  ])('%s → %s', (template, code) => {
    const calls = vi.fn(() => 'called');
    const ctx = { a: { b: calls, __proto__: 'x' }, b: 1, c: 2 };
    expect(errorOf(() => resolve({ input: template }, ctx)).code).toBe(code);
    expect(calls).not.toHaveBeenCalled();
  });
});

describe('resolveTemplate: the parse cache', () => {
  it('does not carry values from one context to the next', () => {
    const template = { greeting: 'Hi ${user.name}', user: '${user}', when: '${user.name == "A"}' };
    const first = resolve(template, { user: { name: 'A' } });
    const second = resolve(template, { user: { name: 'B' } });
    const third = resolve(template, {});
    expect(first).toEqual({ greeting: 'Hi A', user: { name: 'A' }, when: true });
    expect(second).toEqual({ greeting: 'Hi B', user: { name: 'B' }, when: false });
    expect(third).toEqual({ greeting: 'Hi ', user: undefined, when: false });
  });

  it('is not affected by changes to a resolved value', () => {
    const ctx = { user: { name: 'A' } };
    const resolved = resolve({ user: '${user}', copy: ['${user.name}'] }, ctx) as {
      copy: string[];
    };
    resolved.copy[0] = 'changed';
    expect(resolve({ user: '${user}', copy: ['${user.name}'] }, ctx)).toEqual({
      user: { name: 'A' },
      copy: ['A'],
    });
  });
});
