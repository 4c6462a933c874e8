import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../api/normaliseText';

describe('normaliseText', () => {
  it('composes every string and property name in place, however deep', () => {
    const value = { 'Cafe\u0301': ['e\u0301', { n: 'A\u030A', k: '\u212Aelvin' }], ok: 1 };
    expect(normaliseText(value)).toEqual({ ok: true });
    expect(value).toEqual({ 'Caf\u00E9': ['\u00E9', { n: '\u00C5', k: 'Kelvin' }], ok: 1 });
    expect(Object.keys(value)).toEqual(['ok', 'Caf\u00E9']);
  });

  it('walks a 100,000-deep body without exhausting the stack, and names the deep field', () => {
    let deep: unknown = '\uD800';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const outcome = normaliseText({ a: deep });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.path).toBe(`/a${'/0'.repeat(100_000)}`);
  });

  it('escapes the field path as a JSON pointer', () => {
    const outcome = normaliseText({ 'a/b~c': { x: 'ok', y: '\uDC00' } });
    expect(outcome).toMatchObject({ ok: false, path: '/a~1b~0c/y' });
  });

  it('leaves bytes alone: a Buffer is not text', () => {
    const bytes = Buffer.from([0xed, 0xa0, 0x80]);
    expect(normaliseText({ bytes })).toEqual({ ok: true });
    expect(normaliseText(bytes)).toEqual({ ok: true });
  });

  it('refuses a lone surrogate in a property name and two names that compose alike', () => {
    expect(normaliseText({ '\uD83D': 1 })).toMatchObject({ ok: false, path: '/\uD83D' });
    expect(normaliseText({ 'e\u0301': 1, '\u00E9': 2 })).toMatchObject({ ok: false });
  });
});
