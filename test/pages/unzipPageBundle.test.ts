import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipPageBundle } from '../../pages/unzipPageBundle';

const MiB = 1024 * 1024;
const text = (value: string) => new TextEncoder().encode(value);
const limits = { maxFiles: 5, maxFileBytes: 2 * MiB, maxBundleBytes: 5 * MiB };

describe('unzipPageBundle', () => {
  it('reads stored and deflated entries, skipping folders and macOS metadata', () => {
    const zip = zipSync({
      'index.html': [text('<p>hi</p>'), { level: 0 }],
      'js/': new Uint8Array(0),
      'js/app.js': text('1+1'),
      '__MACOSX/._index.html': text('junk'),
      'js/.DS_Store': text('junk'),
    });
    const result = unzipPageBundle({ zip, limits });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((f) => [f.path, new TextDecoder().decode(f.bytes)])).toEqual([
      ['index.html', '<p>hi</p>'],
      ['js/app.js', '1+1'],
    ]);
  });

  it('keeps entry names as stored, for the bundle rules to judge (../ is not resolved here)', () => {
    const result = unzipPageBundle({ zip: zipSync({ '../evil.js': text('x') }), limits });
    expect(result.ok && result.files.map((f) => f.path)).toEqual(['../evil.js']);
  });

  it('stops one entry inflating past the per-file cap', () => {
    const zip = zipSync({ 'bomb.js': new Uint8Array(40 * MiB) }, { level: 9 });
    const result = unzipPageBundle({ zip, limits });
    expect(result.ok ? 'ok' : result.error.code).toBe('PAGE_TOO_LARGE');
  });

  it('stops many small entries inflating past the bundle cap', () => {
    const files = Object.fromEntries(
      Array.from({ length: 4 }, (_, i) => [`part${i}.js`, new Uint8Array(1.9 * MiB)]),
    );
    const result = unzipPageBundle({ zip: zipSync(files, { level: 9 }), limits });
    expect(result.ok ? 'ok' : result.error.message).toContain('unzips to more than 5242880 bytes');
  });

  it('stops at more entries than the file cap', () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}.js`, text('x')]));
    const result = unzipPageBundle({ zip: zipSync(files), limits });
    expect(result.ok ? 'ok' : result.error.code).toBe('PAGE_TOO_LARGE');
  });

  it('refuses what is not a zip, a truncated zip and unknown compression', () => {
    expect(unzipPageBundle({ zip: text('hello'), limits }).ok).toBe(false);
    const whole = zipSync({ 'index.html': new Uint8Array(100_000).fill(7) }, { level: 0 });
    const damaged = unzipPageBundle({ zip: whole.subarray(0, 50_000), limits });
    expect(damaged.ok ? 'ok' : damaged.error.message).toContain('damaged zip');
    const lzma = zipSync({ 'index.html': [text('<p>'), { level: 0 }] });
    lzma[8] = 14; // local header: compression method 14 (LZMA)
    const method = unzipPageBundle({ zip: lzma, limits });
    expect(method.ok ? 'ok' : method.error.message).toContain('unknown compression type 14');
  });
});
