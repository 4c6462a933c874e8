import { describe, expect, it } from 'vitest';
import { decodePageFiles } from '../../pages/decodePageFiles';
import { hashPageBundle } from '../../pages/hashPageBundle';
import { injectPageBridge } from '../../pages/injectPageBridge';

const html = (text: string) => new TextEncoder().encode(text);
const bridgeUrl = 'https://kf.example/sdk/page-bridge.js';
const tag = '<script src="https://kf.example/sdk/page-bridge.js"></script>';

describe('injectPageBridge', () => {
  it.each([
    [
      '<!doctype html><html><head lang="x"><script>1</script>',
      `<!doctype html><html><head lang="x">${tag}<script>1</script>`,
    ],
    ['<html><body><script>1</script>', `<html>${tag}<body><script>1</script>`],
    ['<!DOCTYPE html><script>1</script>', `<!DOCTYPE html>${tag}<script>1</script>`],
    ['<script>1</script>', `${tag}<script>1</script>`],
  ])('loads the bridge before the page’s own scripts: %s', (page, served) => {
    expect(injectPageBridge({ html: html(page), bridgeUrl })).toBe(served);
  });

  it('escapes the URL as an attribute value', () => {
    expect(injectPageBridge({ html: html(''), bridgeUrl: 'x"><b' })).toBe(
      '<script src="x&quot;&gt;&lt;b"></script>',
    );
  });
});

describe('hashPageBundle', () => {
  it('is the same whatever order the files came in', () => {
    const a = { path: 'a.js', sha256: '1'.repeat(64) };
    const b = { path: 'index.html', sha256: '2'.repeat(64) };
    expect(hashPageBundle({ files: [a, b] })).toBe(hashPageBundle({ files: [b, a] }));
    expect(hashPageBundle({ files: [a, b] })).not.toBe(
      hashPageBundle({ files: [a, { ...b, sha256: '3'.repeat(64) }] }),
    );
  });
});

describe('decodePageFiles', () => {
  it('decodes standard base64, wrapped or not', () => {
    const result = decodePageFiles({ files: { 'index.html': 'PHA+\naGk=' } });
    expect(result.ok && new TextDecoder().decode(result.files[0]?.bytes)).toBe('<p>hi');
  });

  it.each(['PHA+aGk=!', 'PHA-aGk_', '%%%'])('refuses %s', (text) => {
    expect(decodePageFiles({ files: { 'index.html': text } }).ok).toBe(false);
  });
});
