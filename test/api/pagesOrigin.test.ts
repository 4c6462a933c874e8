import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/loadConfig';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { openStartLink } from '../support/flowClient';

const pagesOrigin = 'http://pages.localhost:3000';
const pagePath = '/pages/default/passkey-registration-page/1/index.html';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp({ config: { pagesOrigin } });
});
afterEach(async () => t.close());

describe('KEYFORM_PAGES_ORIGIN', () => {
  it('is read as an origin, and refused with a path or another scheme', () => {
    expect(loadConfig({ KEYFORM_PAGES_ORIGIN: 'https://pages.example.com/' }).pagesOrigin).toBe(
      'https://pages.example.com',
    );
    expect(loadConfig({}).pagesOrigin).toBeUndefined();
    expect(() => loadConfig({ KEYFORM_PAGES_ORIGIN: 'https://x.example/p' })).toThrow(/origin/);
    expect(() => loadConfig({ KEYFORM_PAGES_ORIGIN: 'javascript:alert(1)' })).toThrow(/origin/);
  });

  it('hands out page URLs on the pages origin and serves pages there only', async () => {
    const flow = await openStartLink(t, { tokenName: 'demo-page' });
    expect(flow.step.pageUrl).toBe(`${pagesOrigin}${pagePath}`);
    const there = await t.app.inject({ url: pagePath, headers: { host: 'pages.localhost:3000' } });
    expect(there.statusCode).toBe(200);
    // Still framed only by the app's origin.
    expect(there.headers['content-security-policy']).toContain(
      'frame-ancestors http://localhost:3000',
    );
    const onApp = await t.app.inject({ url: pagePath, headers: { host: 'localhost:3000' } });
    expect(onApp.statusCode).toBe(404);
  });

  it('lets the renderer frame the pages origin', async () => {
    const response = await t.app.inject({ url: '/flow/some-instance-id-123' });
    // Needs the built renderer, like the browser tests (`npm test` builds it first).
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain(
      `frame-src 'self' ${pagesOrigin};`,
    );
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
