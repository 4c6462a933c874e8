import { describe, expect, it } from 'vitest';
import { normalizePagePath } from '../../pages/normalizePagePath';

describe('normalizePagePath', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['fonts/Inter-Regular.woff2', 'font/woff2'],
    ['img/photo.JPG', 'image/jpeg'],
    ['app.js.map', 'application/json; charset=utf-8'],
    ['_next/data.json', 'application/json; charset=utf-8'],
  ])('accepts %s as %s', (path, contentType) => {
    expect(normalizePagePath({ path })).toEqual({ ok: true, path, contentType });
  });

  it.each([
    ['', 'empty path'],
    [`${'a/'.repeat(100)}x.js`, 'character path'],
    ['a\\b.js', 'backslash'],
    ['/abs.js', 'absolute'],
    ['c:/abs.js', 'absolute'],
    ['../up.js', "'..'"],
    ['a/./b.js', "'.'"],
    ['a//b.js', 'empty'],
    ['a/b/c/d/e/f/g/h/i.js', 'nested 9 deep'],
    ['.env.js', 'not a plain name'],
    ['-x.js', 'not a plain name'],
    ['a%2e.js', 'not a plain name'],
    ['a b.js', 'not a plain name'],
    ['x.exe', "'.exe' is not allowed"],
    ['Makefile', "'(none)' is not allowed"],
    ['page.jpeg', "'.jpeg' is not allowed"],
  ])('refuses %j (%s)', (path, said) => {
    const result = normalizePagePath({ path });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(said);
  });
});
