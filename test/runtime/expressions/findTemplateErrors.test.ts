// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" is the template syntax under test, not a mistaken template literal.
import { describe, expect, it } from 'vitest';
import { findTemplateErrors } from '../../../runtime/expressions/findTemplateErrors';

describe('findTemplateErrors', () => {
  it('finds nothing in a valid definition', () => {
    const definition = {
      name: 'onboarding',
      steps: [
        {
          id: 'start',
          inputs: {
            clientRequest:
              '${_identityStore.passkeys.registrations["passkeyReg1"].currentPasskeyRegistrationRecord.startPasskeyRegistrationResponse.clientRequest}',
            constants: { a: '${x}', greeting: 'Hello ${_dataForms.reg.currentCapture.data.name}!' },
          },
          when: "${_decision == 'PASS' && !_dataForms.reg.currentCapture.data.retry}",
          retries: 3,
          enabled: true,
          note: null,
        },
      ],
      description: 'costs $5 {approx}',
      dataDependent: '${a[b]}',
    };
    expect(findTemplateErrors(definition)).toEqual([]);
  });

  it('finds nothing in values without strings', () => {
    for (const value of [null, undefined, 1, true, [], {}, [1, [2, { a: 3 }]]]) {
      expect(findTemplateErrors(value)).toEqual([]);
    }
  });

  it('reports each bad expression with a JSON Pointer path', () => {
    const errors = findTemplateErrors({
      steps: [
        { inputs: { ok: '${a}', call: '${a.b()}' } },
        { when: '${a ? b : c}', list: ['${x}', 'x ${this} y'] },
      ],
    });
    expect(errors).toEqual([
      { path: '/steps/0/inputs/call', message: expect.stringContaining('function call') },
      { path: '/steps/1/when', message: expect.stringContaining('conditional') },
      { path: '/steps/1/list/1', message: expect.stringContaining('"this"') },
    ]);
  });

  it('reports every bad expression in one string, in order', () => {
    const errors = findTemplateErrors({ text: '${constructor} ok ${a} ${a + 1} ${a.' });
    expect(errors.map((error) => error.path)).toEqual(['/text', '/text', '/text']);
    expect(errors[0]?.message).toContain('"constructor"');
    expect(errors[1]?.message).toContain('"+"');
    expect(errors[2]?.message).toContain('no closing "}"');
    expect(errors[2]?.message).toContain('character 32');
  });

  it('reports the string itself when it is the whole value', () => {
    expect(findTemplateErrors('${a.__proto__}')).toEqual([
      { path: '', message: expect.stringContaining('"__proto__"') },
    ]);
  });

  it('escapes ~ and / in keys as JSON Pointer does', () => {
    expect(findTemplateErrors({ 'a/b': { 'c~d': '${}' } })).toEqual([
      { path: '/a~1b/c~0d', message: expect.stringContaining('empty') },
    ]);
  });

  it('reports nesting deeper than 100 levels once, without overflowing the stack', () => {
    const nest = (levels: number) => {
      let value: unknown = '${a}';
      for (let level = 0; level < levels; level++) value = level % 2 ? [value] : { k: value };
      return value;
    };
    expect(findTemplateErrors(nest(100))).toEqual([]);
    const errors = findTemplateErrors(nest(101));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path.split('/')).toHaveLength(101);
    expect(errors[0]?.message).toContain('more than 100 levels deep');
    expect(findTemplateErrors(nest(50_000))).toHaveLength(1);
  });

  it('does not check object keys, which are never resolved', () => {
    expect(findTemplateErrors({ '${a.b()}': 'fine' })).toEqual([]);
  });

  it.each([
    ['${a.b()}', 'function call'],
    ['${constructor}', '"constructor"'],
    ['${a.__proto__}', '"__proto__"'],
    ['${a["__proto__"]}', '"__proto__"'],
    ["${a['constr'+'uctor']}", '"+"'],
    ['${this}', '"this"'],
    ['${a = 1}', 'does not parse'],
    ['${a ? b : c}', 'conditional'],
    ['${a["x}y"]', 'no closing "}"'],
    [`\${a${'.b'.repeat(32)}}`, 'at most 32'],
    [`\${${'a'.repeat(2001)}}`, 'at most 2000'],
  ])('reports %s', (template, detail) => {
    const errors = findTemplateErrors({ input: template });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('/input');
    expect(errors[0]?.message).toContain(detail);
  });
});
