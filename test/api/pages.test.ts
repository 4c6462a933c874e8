import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { jsonBody, multipartBody, smallBundle, uploadPage, zipOf } from '../support/pageUploads';
import { expectError } from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const MiB = 1024 * 1024;

describe('POST /api/pages/{name}/versions', () => {
  it('stores a JSON {files: {path: base64}} upload as version 1 with hashes and content types', async () => {
    const created = await uploadPage(t, 'welcome', { json: jsonBody(smallBundle()) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'welcome', version: 1, builtin: false });
    expect(created.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(created.body.url).toBe('http://localhost:3000/pages/default/welcome/1/index.html');
    expect(created.body.files).toEqual([
      expect.objectContaining({ path: 'css/site.css', contentType: 'text/css; charset=utf-8' }),
      expect.objectContaining({ path: 'index.html', contentType: 'text/html; charset=utf-8' }),
      expect.objectContaining({ path: 'js/app.js', contentType: 'text/javascript; charset=utf-8' }),
    ]);
    const read = await t.request('GET', '/api/pages/welcome/versions/1');
    expect(read.status).toBe(200);
    expect(read.body.files).toEqual(created.body.files);
    const list = await t.request('GET', '/api/pages');
    expect(list.body.items).toEqual([
      { name: 'passkey-registration-page', latestVersion: 1 },
      { name: 'welcome', latestVersion: 1 },
    ]);
  });

  it('takes multipart files (filename = path), a zip part and a raw zip body: same bundle, same sha256', async () => {
    const files = smallBundle();
    const viaJson = await uploadPage(t, 'same', { json: jsonBody(files) });
    const viaParts = await uploadPage(t, 'same', multipartBody(files));
    const viaZipPart = await uploadPage(t, 'same', multipartBody({ 'page.zip': zipOf(files) }));
    const viaZip = await uploadPage(t, 'same', {
      payload: zipOf(files),
      headers: { 'content-type': 'application/zip' },
    });
    for (const reply of [viaParts, viaZipPart, viaZip]) {
      expect(reply.status).toBe(201);
      expect(reply.body.sha256).toBe(viaJson.body.sha256);
    }
    expect([viaJson, viaParts, viaZipPart, viaZip].map((r) => r.body.version)).toEqual([
      1, 2, 3, 4,
    ]);
    const versions = await t.request('GET', '/api/pages/same/versions');
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4]);
  });

  it('stores each distinct file once, content-addressed beside the definitions', async () => {
    await uploadPage(t, 'a', { json: jsonBody(smallBundle()) });
    await uploadPage(t, 'b', { json: jsonBody({ ...smallBundle(), 'extra.json': '{}' }) });
    const blobs = await readdir(join(t.dataDir, 'blobs'));
    expect(blobs.filter((name) => !name.startsWith('.')).sort()).toHaveLength(4);
  });

  it('continues a built-in page at version 2 and never changes version 1', async () => {
    const created = await uploadPage(t, 'passkey-registration-page', {
      json: jsonBody(smallBundle()),
    });
    expect(created.body.version).toBe(2);
    const builtin = await t.request('GET', '/api/pages/passkey-registration-page/versions/1');
    expect(builtin.body.builtin).toBe(true);
    expect(builtin.body.files.map((f: { path: string }) => f.path)).toEqual([
      'index.html',
      'page.css',
      'page.js',
    ]);
  });

  it('refuses a file type outside the allow-list (400 PAGE_INVALID)', async () => {
    const reply = await uploadPage(t, 'bad', {
      json: jsonBody({ ...smallBundle(), 'tool.exe': 'MZ' }),
    });
    expectError(reply, 400, 'PAGE_INVALID');
    expect(reply.body.error.details.fields[0]).toMatchObject({ path: 'tool.exe' });
    expect(reply.body.error.message).toContain("type '.exe' is not allowed");
  });

  it('refuses a file without an extension and an .htm page', async () => {
    for (const path of ['LICENSE', 'other.htm']) {
      const reply = await uploadPage(t, 'bad', {
        json: jsonBody({ ...smallBundle(), [path]: 'x' }),
      });
      expectError(reply, 400, 'PAGE_INVALID');
    }
  });

  it.each([
    ['../escape.js', "'..'"],
    ['js/../../escape.js', "'..'"],
    ['./index.js', "'.'"],
    ['js//app2.js', 'empty'],
    ['/etc/evil.js', 'absolute'],
    ['C:/evil.js', 'absolute'],
    ['js\\evil.js', 'backslash'],
    ['.hidden.js', 'not a plain name'],
    ['my page.js', 'not a plain name'],
  ])('refuses path %s (%s)', async (path, said) => {
    const reply = await uploadPage(t, 'bad', { json: jsonBody({ ...smallBundle(), [path]: 'x' }) });
    expectError(reply, 400, 'PAGE_INVALID');
    expect(reply.body.error.message).toContain(said);
  });

  it('refuses path traversal inside a zip (zip-slip) and writes nothing', async () => {
    const reply = await uploadPage(t, 'slip', {
      payload: zipOf({ ...smallBundle(), '../../outside.js': 'x' }),
      headers: { 'content-type': 'application/zip' },
    });
    expectError(reply, 400, 'PAGE_INVALID');
    expect(t.storage.pages.read().versions).toHaveLength(0);
    const blobs = await readdir(join(t.dataDir, 'blobs'));
    expect(blobs).toHaveLength(0);
  });

  it('refuses two names for one file (case only)', async () => {
    const reply = await uploadPage(t, 'dup', {
      json: jsonBody({ ...smallBundle(), 'js/App.js': 'x' }),
    });
    expectError(reply, 400, 'PAGE_INVALID');
    expect(reply.body.error.message).toContain('twice');
  });

  it('requires index.html at the root, and says so when it is in a folder', async () => {
    const none = await uploadPage(t, 'noindex', { json: jsonBody({ 'app.js': 'x' }) });
    expectError(none, 400, 'PAGE_INVALID');
    expect(none.body.error.message).toContain('no index.html');
    const nested = await uploadPage(t, 'nested', {
      payload: zipOf({ 'site/index.html': '<p>', 'site/app.js': 'x' }),
      headers: { 'content-type': 'application/zip' },
    });
    expectError(nested, 400, 'PAGE_INVALID');
    expect(nested.body.error.message).toContain("found 'site/index.html'");
  });

  it('refuses a file over 2 MiB (413 PAGE_TOO_LARGE)', async () => {
    const reply = await uploadPage(t, 'big', {
      json: jsonBody({ ...smallBundle(), 'big.png': new Uint8Array(2 * MiB + 1) }),
    });
    expectError(reply, 413, 'PAGE_TOO_LARGE');
    expect(reply.body.error.details).toMatchObject({ path: 'big.png', maxFileBytes: 2 * MiB });
  });

  it('refuses a bundle over 5 MiB in all, in every upload form', async () => {
    const files = {
      ...smallBundle(),
      'a.png': new Uint8Array(2 * MiB).fill(1),
      'b.png': new Uint8Array(2 * MiB).fill(2),
      'c.png': new Uint8Array(1 * MiB).fill(3),
    };
    expectError(await uploadPage(t, 'big', { json: jsonBody(files) }), 413, 'PAGE_TOO_LARGE');
    expectError(await uploadPage(t, 'big', multipartBody(files)), 413, 'PAGE_TOO_LARGE');
    expectError(
      await uploadPage(t, 'big', {
        payload: zipOf(files),
        headers: { 'content-type': 'application/zip' },
      }),
      413,
      'PAGE_TOO_LARGE',
    );
  });

  it('refuses more than 100 files', async () => {
    const files: Record<string, string> = { 'index.html': '<p>' };
    for (let i = 0; i < 100; i++) files[`f${i}.js`] = `// ${i}`;
    expectError(await uploadPage(t, 'many', { json: jsonBody(files) }), 413, 'PAGE_TOO_LARGE');
    expectError(await uploadPage(t, 'many', multipartBody(files)), 413, 'PAGE_TOO_LARGE');
    expectError(
      await uploadPage(t, 'many', {
        payload: zipOf(files),
        headers: { 'content-type': 'application/zip' },
      }),
      413,
      'PAGE_TOO_LARGE',
    );
  });

  it('stops a zip bomb while inflating (64 MiB of zeros in a ~64 KiB zip)', async () => {
    const bomb = zipOf({ 'index.html': '<p>', 'bomb.js': new Uint8Array(64 * MiB) });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const before = process.memoryUsage().rss;
    const reply = await uploadPage(t, 'bomb', {
      payload: bomb,
      headers: { 'content-type': 'application/zip' },
    });
    expectError(reply, 413, 'PAGE_TOO_LARGE');
    expect(reply.body.error.message).toContain('unzips to more than');
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * MiB);
  });

  it('refuses a body that is not a zip, and base64 that is not base64', async () => {
    const notZip = await uploadPage(t, 'x', {
      payload: Buffer.from('hello'),
      headers: { 'content-type': 'application/zip' },
    });
    expectError(notZip, 400, 'PAGE_INVALID');
    const notBase64 = await uploadPage(t, 'x', { json: { files: { 'index.html': '%%%not' } } });
    expectError(notBase64, 400, 'PAGE_INVALID');
  });

  it('refuses multipart form fields: only file parts carry files', async () => {
    const reply = await uploadPage(t, 'x', multipartBody(smallBundle(), { note: 'hello' }));
    expectError(reply, 400, 'PAGE_INVALID');
  });

  it('needs Pages:create', async () => {
    const token = await t.request('POST', '/api/tenants/default/tokens', {
      body: { name: 'reader', permissions: ['TNT#default#Pages:read'] },
    });
    const reply = await uploadPage(
      t,
      'x',
      { json: jsonBody(smallBundle()) },
      {
        token: token.body.token,
      },
    );
    expectError(reply, 403, 'PERMISSION_DENIED');
    const list = await t.request('GET', '/api/pages', { token: token.body.token });
    expect(list.status).toBe(200);
  });

  it('answers 404 for unknown pages and versions', async () => {
    expectError(await t.request('GET', '/api/pages/nope'), 404, 'PAGE_NOT_FOUND');
    expectError(
      await t.request('GET', '/api/pages/passkey-registration-page/versions/9'),
      404,
      'PAGE_VERSION_NOT_FOUND',
    );
  });
});

describe('GET /pages/{tenant}/{page}/{version}/{path}', () => {
  const csp =
    "sandbox allow-scripts allow-forms; object-src 'none'; base-uri 'none'; frame-ancestors http://localhost:3000";

  it('serves files sandboxed, with a fixed type per extension, nosniff and no referrer', async () => {
    await uploadPage(t, 'welcome', { json: jsonBody(smallBundle()) });
    const html = await t.app.inject({ url: '/pages/default/welcome/1/index.html' });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-security-policy']).toBe(csp);
    expect(html.headers['x-content-type-options']).toBe('nosniff');
    expect(html.headers['referrer-policy']).toBe('no-referrer');
    // The bridge comes first in <head>, before any of the page's own scripts.
    expect(html.body).toContain(
      '<head><script src="http://localhost:3000/sdk/page-bridge.js"></script><title>',
    );
    const css = await t.app.inject({ url: '/pages/default/welcome/1/css/site.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['content-security-policy']).toBe(csp);
    expect(css.body).toBe('p { color: red; }');
    const index = await t.app.inject({ url: '/pages/default/welcome/1/' });
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('serves the built-in page in every tenant that exists, and nothing for others', async () => {
    const builtin = await t.app.inject({
      url: '/pages/default/passkey-registration-page/1/page.js',
    });
    expect(builtin.statusCode).toBe(200);
    expect(builtin.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const unknownTenant = await t.app.inject({
      url: '/pages/nobody/passkey-registration-page/1/index.html',
    });
    expect(unknownTenant.statusCode).toBe(404);
  });

  it('keeps a tenant’s pages to that tenant', async () => {
    await t.request('POST', '/api/tenants', { body: { id: 'acme' } });
    await uploadPage(t, 'welcome', { json: jsonBody(smallBundle()) });
    const other = await t.app.inject({ url: '/pages/acme/welcome/1/index.html' });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('PAGE_NOT_FOUND');
  });

  it.each([
    '/pages/default/welcome/1/missing.js',
    '/pages/default/welcome/1/..%2F..%2Fpages.json',
    '/pages/default/welcome/1/js/..%2Fapp.js',
    '/pages/default/welcome/2/index.html',
  ])('answers 404 for %s', async (url) => {
    await uploadPage(t, 'welcome', { json: jsonBody(smallBundle()) });
    const reply = await t.app.inject({ url });
    expect(reply.statusCode).toBe(404);
  });
});
