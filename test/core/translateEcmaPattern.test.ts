import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { translateEcmaPattern } from '../../core/translateEcmaPattern';

/** Pattern → texts: RE2 on the translation must answer each exactly as ECMAScript does. */
const samePattern: Array<[string, string[]]> = [
  ['\\S', ['\u00a0', 'x', ' \t', '\ufeff']],
  ['\\s', ['\u00a0', '\u000b', 'x', '\ufeff', '\u2029']],
  ['^.$', ['\u2028', '\r', '😀', 'a', '\n', '\u0085']],
  ['^[^a]$', ['\n', 'a', 'b']],
  ['^[^]$', ['x', '\n']],
  ['^[]$', ['x', '']],
  ['^\\p{L}+$', ['äöü', '1']],
  ['^\\p{Script=Greek}+$', ['α', 'a']],
  ['^\\P{gc=Lu}$', ['A', 'a']],
  ['^\\u0041\\u{1F600}\\uD83D\\uDE00$', ['A😀😀', 'A😀']],
  ['^\\cJ\\x41\\0$', ['\nA\0']],
  ['^[\\b]$', ['\b', 'b']],
  ['^[a-z-0]+$', ['a-0', 'b', 'B']],
  ['^[\\w-]+$', ['a-_', '!']],
  ['^[--/]$', ['.', '0']],
  ['^[\\s\\d]+$', ['1 2\u00a0', 'x']],
  ['^[^\\S]+$', ['\u00a0 ', 'x']],
  ['^a{2,3}?b$', ['aab', 'ab', 'aaaab']],
  ['^(?<year>\\d{4})-(?:\\d{2})$', ['2024-01', '24-01']],
  // \x7b is `{`: a literal `${` would read as a template placeholder to the linter.
  ['^[.*+?^$\\x7b}()|[\\]\\\\/]+$', ['.*+?^$\x7b}()|[]\\/', 'a']],
  ['^\\.\\*\\$$', ['.*$', 'a*$']],
  ['^(|a)$', ['', 'a', 'aa']],
  ['^[A-Za-z0-9._@+-]+$', ['ada@x.org', 'a b']],
  ['[\\u00e4-\\u00fc]', ['ö', 'a']],
  ['\\bfoo\\B', ['foox', 'foo', 'a foox']],
  ['^(a+)+$', ['aaa', 'aaa!']],
];

describe('translateEcmaPattern', () => {
  it.each(samePattern)('keeps the ECMAScript meaning of %j', (pattern, texts) => {
    const translated = translateEcmaPattern({ pattern });
    if (!translated.ok) throw new Error(translated.reason);
    const re2 = RE2JS.compile(translated.source);
    const native = new RegExp(pattern, 'u');
    for (const text of texts) expect([text, re2.test(text)]).toEqual([text, native.test(text)]);
  });

  it.each([
    ['(a)\\1', /backreference/],
    ['(?<n>a)\\k<n>', /backreference/],
    ['(?=a)a', /lookahead/],
    ['a(?!b)', /lookahead/],
    ['(?<=a)b', /lookbehind/],
    ['(?<!a)b', /lookbehind/],
    ['\\p{Script_Extensions=Latin}', /Unicode property Script_Extensions/],
    ['a{,3}', /not a valid ECMAScript regular expression/],
    ['([a-z', /not a valid ECMAScript regular expression/],
  ])('refuses %j with a reason', (pattern, reason) => {
    const translated = translateEcmaPattern({ pattern });
    expect(translated.ok).toBe(false);
    if (!translated.ok) expect(translated.reason).toMatch(reason);
  });
});
