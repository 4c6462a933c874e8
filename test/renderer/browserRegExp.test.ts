import { describe, expect, it } from 'vitest';
import builtin from '../../forms/builtin/passkey-registration.json';
import { browserRegExp } from '../../renderer/forms/browserRegExp';
import { isBacktrackBounded } from '../../renderer/forms/isBacktrackBounded';
import { prepareValidation } from '../../renderer/forms/prepareValidation';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe("the renderer's patterns", () => {
  it.each([
    ['^[A-Za-z0-9._@+-]+$', true],
    ['\\S', true],
    ['^\\d{5}$', true],
    ['^[(|*+]+$', true],
    ['^\\(\\d+$', true],
    ['^(a+)+$', false],
    ['^([A-Za-z0-9]+\\s?)*$', false],
    ['a*a*b', false],
    ['a|b', false],
    ['^\\d{3}-\\d{4}$', false],
  ])('sorts %j as bounded: %s', (pattern, bounded) => {
    expect(isBacktrackBounded(pattern)).toBe(bounded);
  });

  it("keeps the built-in form's patterns on V8, without loading the linear engine", () => {
    for (const schema of Object.values(builtin.schema.properties)) {
      expect(isBacktrackBounded((schema as { pattern: string }).pattern)).toBe(true);
    }
  });

  it('checks a hostile pattern on the linear engine once it has loaded, in linear time', async () => {
    const { ajv } = prepareValidation({
      type: 'object',
      properties: { text: { type: 'string', pattern: '^(a+)+$' } },
    });
    const validate = ajv!.compile({
      type: 'object',
      properties: { text: { type: 'string', pattern: '^(a+)+$' } },
    });
    const hostile = { text: `${'a'.repeat(5000)}!` };
    // Before the engine's chunk arrives the pattern passes (the server still checks it)...
    validate(hostile);
    await until(() => validate(hostile) === false);
    // ...then it answers as ECMAScript would, without backtracking.
    expect(validate(hostile)).toBe(false);
    expect(validate({ text: 'a'.repeat(5000) })).toBe(true);
  });

  it('tests long texts on the linear engine even for a bounded pattern', async () => {
    const rx = browserRegExp('^[a-z]+$', 'u');
    const long = `${'a'.repeat(20_000)}!`;
    rx.test(long);
    await until(() => rx.test(long) === false);
    expect(rx.test(long)).toBe(false);
    expect(rx.test('abc')).toBe(true);
  });
});
