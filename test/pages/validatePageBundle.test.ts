import { describe, expect, it } from 'vitest';
import { validatePageBundle } from '../../pages/validatePageBundle';

const file = (path: string, size = 3) => ({ path, bytes: new Uint8Array(size) });
const limits = { maxFiles: 3, maxFileBytes: 10, maxBundleBytes: 20 };

describe('validatePageBundle', () => {
  it('hashes, types and sorts a valid bundle', () => {
    const result = validatePageBundle({
      files: [file('js/app.js'), file('index.html'), file('img/logo.svg')],
      limits,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((f) => [f.path, f.contentType, f.size])).toEqual([
      ['img/logo.svg', 'image/svg+xml', 3],
      ['index.html', 'text/html; charset=utf-8', 3],
      ['js/app.js', 'text/javascript; charset=utf-8', 3],
    ]);
    expect(result.files[0]?.sha256).toBe(
      '709e80c88487a2411e1ee4dfb9f22a861492d20c4765150c0c794abd70f8147c',
    );
  });

  it.each([
    ['no files', [], 'PAGE_INVALID'],
    [
      'too many files',
      [file('index.html'), file('a.js'), file('b.js'), file('c.js')],
      'PAGE_TOO_LARGE',
    ],
    ['a file over its cap', [file('index.html'), file('a.js', 11)], 'PAGE_TOO_LARGE'],
    [
      'a bundle over its cap',
      [file('index.html', 10), file('a.js', 10), file('b.js', 1)],
      'PAGE_TOO_LARGE',
    ],
    ['a bad type', [file('index.html'), file('a.php')], 'PAGE_INVALID'],
    ['a traversal', [file('index.html'), file('../a.js')], 'PAGE_INVALID'],
    ['a case twin', [file('index.html'), file('INDEX.html')], 'PAGE_INVALID'],
    ['no index.html', [file('main.html')], 'PAGE_INVALID'],
    ['an Index.html only', [file('Index.html')], 'PAGE_INVALID'],
  ])('refuses %s', (_, files, code) => {
    const result = validatePageBundle({ files, limits });
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });
});
