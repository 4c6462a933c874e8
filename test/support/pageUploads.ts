import { randomBytes } from 'node:crypto';
import { zipSync } from 'fflate';
import type { TestApp } from './buildTestApp';

export type BundleFiles = Record<string, string | Uint8Array>;

const bytesOf = (content: string | Uint8Array) =>
  typeof content === 'string' ? new TextEncoder().encode(content) : content;

/** A minimal valid bundle: index.html, a script and a stylesheet. */
export const smallBundle = (): BundleFiles => ({
  'index.html': '<!doctype html><html><head><title>t</title></head><body><p>hi</p></body></html>',
  'js/app.js': 'console.log("app");',
  'css/site.css': 'p { color: red; }',
});

/** `{files: {path: base64}}`, the JSON upload form. */
export function jsonBody(files: BundleFiles) {
  return {
    files: Object.fromEntries(
      Object.entries(files).map(([path, content]) => [
        path,
        Buffer.from(bytesOf(content)).toString('base64'),
      ]),
    ),
  };
}

/** A multipart/form-data body with one file part per entry (the filename is the path). */
export function multipartBody(files: BundleFiles, fields: Record<string, string> = {}) {
  const boundary = `----keyform${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const [path, content] of Object.entries(files)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${path}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(bytesOf(content)),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A zip of `files` (deflated). */
export function zipOf(files: BundleFiles) {
  return zipSync(Object.fromEntries(Object.entries(files).map(([p, c]) => [p, bytesOf(c)])), {
    level: 9,
  });
}

/** POST a page upload as the root token; `body` is JSON, or a raw payload with its headers. */
export async function uploadPage(
  t: TestApp,
  name: string,
  body: { json: unknown } | { payload: Buffer | Uint8Array; headers: Record<string, string> },
  { token = t.rootToken }: { token?: string } = {},
) {
  const raw =
    'json' in body
      ? { payload: JSON.stringify(body.json), headers: { 'content-type': 'application/json' } }
      : { payload: Buffer.from(body.payload), headers: body.headers };
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/pages/${name}/versions`,
    headers: { authorization: `Bearer ${token}`, ...raw.headers },
    payload: raw.payload,
  });
  return { status: response.statusCode, body: response.json() };
}
