import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/buildApp';
import { loadConfig } from '../../api/loadConfig';
import { loggerOptions } from '../../api/loggerOptions';
import { seedDemo } from '../../api/seedDemo';
import { hashSecret } from '../../identity/hashSecret';
import { openStorage } from '../../storage/openStorage';
import { buildTestApp, type Json, type TestApp, testOrigin } from '../support/buildTestApp';
import { createTenant, expectError } from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await createTenant(t, 'acme');
  await createTenant(t, 'beta');
});
afterEach(async () => t.close());

type Reply = { status: number; headers: Record<string, unknown>; body: Json };

async function call(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  {
    cookie,
    body,
    headers = {},
  }: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const response = await t.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie: `kf_console=${cookie}` } : {}), ...headers },
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: response.body ? JSON.parse(response.body) : undefined,
  };
}

/** Sign in from the console's own origin; returns the reply and the cookie's secret. */
async function signIn(body: Json, origin = testOrigin) {
  const reply = await call('POST', '/api/console/sessions', { body, headers: { origin } });
  const setCookie = String(reply.headers['set-cookie'] ?? '');
  const secret = /kf_console=([^;]+)/.exec(setCookie)?.[1];
  return { reply, setCookie, secret: secret ?? '' };
}

async function tenantToken(tenant: string, permissions: string[], expiresAt?: string) {
  const reply = await t.request('POST', `/api/tenants/${tenant}/tokens`, {
    body: { name: `${tenant}-console`, permissions, ...(expiresAt ? { expiresAt } : {}) },
  });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; token: string };
}

const rowCount = () =>
  (t.storage.sqlite.prepare('select count(*) as n from console_sessions').get() as { n: number }).n;

describe('signing in', () => {
  it('exchanges a root token for an HttpOnly, SameSite=Strict cookie and stores only its hash', async () => {
    const { reply, setCookie, secret } = await signIn({ token: t.rootToken, tenantId: 'acme' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ tenantId: 'acme', root: true, permissions: [] });
    expect(reply.body.expiresAt).toBe('2026-01-01T08:00:00.000Z');
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=28800/);
    expect(setCookie).not.toMatch(/Secure/i);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    const rows = t.storage.sqlite.prepare('select * from console_sessions').all() as Json[];
    expect(rows).toHaveLength(1);
    expect(rows[0].secret_hash).toBe(hashSecret(secret));
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(JSON.stringify(rows)).not.toContain(t.rootToken);
    const who = await call('GET', '/api/console/session', { cookie: secret });
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ tenantId: 'acme', tokenName: 'KEYFORM_ADMIN_TOKEN' });
  });

  it('is Secure when the public URL is https', async () => {
    const https = await buildTestApp({ config: { publicUrl: 'https://keyform.example' } });
    try {
      const response = await https.app.inject({
        method: 'POST',
        url: '/api/console/sessions',
        payload: { token: https.rootToken },
      });
      expect(response.statusCode).toBe(201);
      expect(String(response.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await https.close();
    }
  });

  it('refuses a wrong token with 401 TOKEN_INVALID and stores nothing', async () => {
    const { reply, setCookie } = await signIn({ token: 'not-a-real-token-at-all-0000' });
    expectError(reply, 401, 'TOKEN_INVALID');
    expect(setCookie).toBe('');
    expect(rowCount()).toBe(0);
  });

  it('refuses a root token choosing a tenant that does not exist', async () => {
    const { reply } = await signIn({ token: t.rootToken, tenantId: 'nowhere' });
    expectError(reply, 404, 'TENANT_NOT_FOUND');
    expect(rowCount()).toBe(0);
  });

  it("refuses a tenant token asking for another tenant; its session is its own tenant's", async () => {
    const { token } = await tenantToken('acme', ['TNT#acme#Admin:readToken']);
    expectError((await signIn({ token, tenantId: 'beta' })).reply, 403, 'PERMISSION_DENIED');
    const { reply } = await signIn({ token });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      tenantId: 'acme',
      root: false,
      permissions: ['TNT#acme#Admin:readToken'],
      tokenName: 'acme-console',
    });
  });

  it('refuses a sign-in from a foreign origin', async () => {
    const { reply } = await signIn({ token: t.rootToken }, 'https://evil.example');
    expectError(reply, 403, 'ORIGIN_NOT_TRUSTED');
    expect(rowCount()).toBe(0);
  });

  it('ends no later than its token, and follows KEYFORM_CONSOLE_SESSION_HOURS', async () => {
    const { token } = await tenantToken('acme', [], '2026-01-01T02:00:00Z');
    const { reply, setCookie } = await signIn({ token });
    expect(reply.body.expiresAt).toBe('2026-01-01T02:00:00.000Z');
    expect(setCookie).toMatch(/Max-Age=7200/);
    expect(loadConfig({ KEYFORM_CONSOLE_SESSION_HOURS: '2' }).consoleSessionHours).toBe(2);
    expect(() => loadConfig({ KEYFORM_CONSOLE_SESSION_HOURS: '0' })).toThrow(/1\.\.720/);
  });
});

describe('a console session on the API', () => {
  it('authenticates API requests with exactly its token and tenant, ignoring X-Tenant-Id', async () => {
    const { secret } = await signIn({ token: t.rootToken, tenantId: 'acme' });
    const beta = await t.request('POST', '/api/process-manager/processTokens', {
      body: { name: 'beta-link', processDefnName: 'passkey-registration', type: 'UNLIMITED' },
      headers: { 'x-tenant-id': 'beta' },
    });
    expect(beta.status).toBe(201);
    const list = await call('GET', '/api/process-manager/processTokens', {
      cookie: secret,
      headers: { 'x-tenant-id': 'beta' },
    });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain('beta-link');
  });

  it("a tenant-A session sees nothing of tenant B, even by B's path", async () => {
    const { token } = await tenantToken('acme', ['TNT#acme#Admin:readToken']);
    const { secret } = await signIn({ token });
    expect((await call('GET', '/api/tenants/acme/tokens', { cookie: secret })).status).toBe(200);
    expectError(
      await call('GET', '/api/tenants/beta/tokens', { cookie: secret }),
      404,
      'TENANT_NOT_FOUND',
    );
    // A root session too acts only in the tenant it chose.
    const root = await signIn({ token: t.rootToken, tenantId: 'acme' });
    expectError(
      await call('GET', '/api/tenants/beta/tokens', { cookie: root.secret }),
      404,
      'TENANT_NOT_FOUND',
    );
  });

  it("has exactly its token's permissions", async () => {
    const { token } = await tenantToken('acme', ['TNT#acme#Admin:readToken']);
    const { secret } = await signIn({ token });
    const refused = await call('POST', '/api/tenants/acme/tokens', {
      cookie: secret,
      headers: { origin: testOrigin },
      body: { name: 'x', permissions: [] },
    });
    expectError(refused, 403, 'PERMISSION_DENIED');
  });

  it('a state-changing request needs the console origin; no CORS headers either way', async () => {
    const { secret } = await signIn({ token: t.rootToken });
    const body = { name: 'link', processDefnName: 'passkey-registration', type: 'UNLIMITED' };
    for (const headers of [{ origin: 'https://evil.example' }, {}] as Record<string, string>[]) {
      const refused = await call('POST', '/api/process-manager/processTokens', {
        cookie: secret,
        body,
        headers,
      });
      expectError(refused, 403, 'ORIGIN_NOT_TRUSTED');
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    }
    const listed = await call('GET', '/api/process-manager/processTokens', { cookie: secret });
    expect(listed.body.items.map((i: Json) => i.name)).not.toContain('link');
    const created = await call('POST', '/api/process-manager/processTokens', {
      cookie: secret,
      body,
      headers: { origin: testOrigin },
    });
    expect(created.status).toBe(201);
    expect(created.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('bearer requests are unchanged: a token still wins over a cookie', async () => {
    const { secret } = await signIn({ token: t.rootToken, tenantId: 'acme' });
    const reply = await t.request('GET', '/api/tenants/beta/tokens', {
      headers: { cookie: `kf_console=${secret}` },
    });
    expect(reply.status).toBe(200);
  });

  it('an unknown cookie is 401 TOKEN_INVALID', async () => {
    const reply = await call('GET', '/api/process-manager/processTokens', {
      cookie: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    });
    expectError(reply, 401, 'TOKEN_INVALID');
  });
});

describe('the end of a console session', () => {
  it('expires after its life', async () => {
    const { secret } = await signIn({ token: t.rootToken });
    t.clock.now += 8 * 3600_000 - 1000;
    expect((await call('GET', '/api/console/session', { cookie: secret })).status).toBe(200);
    t.clock.now += 1000;
    expectError(
      await call('GET', '/api/console/session', { cookie: secret }),
      401,
      'TOKEN_INVALID',
    );
    expectError(
      await call('GET', '/api/process-manager/processTokens', { cookie: secret }),
      401,
      'TOKEN_INVALID',
    );
    expect(rowCount()).toBe(0);
  });

  it('ends when its token is revoked', async () => {
    const { id, token } = await tenantToken('acme', ['TNT#acme#Admin:readToken']);
    const { secret } = await signIn({ token });
    expect((await call('GET', '/api/tenants/acme/tokens', { cookie: secret })).status).toBe(200);
    expect((await t.request('DELETE', `/api/tenants/acme/tokens/${id}`)).status).toBe(204);
    expectError(
      await call('GET', '/api/tenants/acme/tokens', { cookie: secret }),
      401,
      'TOKEN_INVALID',
    );
  });

  it('ends when its token expires', async () => {
    const { token } = await tenantToken(
      'acme',
      ['TNT#acme#Admin:readToken'],
      '2026-01-01T01:00:00Z',
    );
    const { secret } = await signIn({ token });
    t.clock.now += 3600_000;
    expectError(
      await call('GET', '/api/tenants/acme/tokens', { cookie: secret }),
      401,
      'TOKEN_INVALID',
    );
  });

  it('sign-out ends it server-side and clears the cookie; only from the console origin', async () => {
    const { secret } = await signIn({ token: t.rootToken });
    const foreign = await call('DELETE', '/api/console/session', {
      cookie: secret,
      headers: { origin: 'https://evil.example' },
    });
    expectError(foreign, 403, 'ORIGIN_NOT_TRUSTED');
    expect(rowCount()).toBe(1);
    const out = await call('DELETE', '/api/console/session', {
      cookie: secret,
      headers: { origin: testOrigin },
    });
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/kf_console=;.*Expires=Thu, 01 Jan 1970/);
    expect(rowCount()).toBe(0);
    expectError(
      await call('GET', '/api/console/session', { cookie: secret }),
      401,
      'TOKEN_INVALID',
    );
    expectError(
      await call('GET', '/api/process-manager/processTokens', { cookie: secret }),
      401,
      'TOKEN_INVALID',
    );
  });

  it('survives a restart of the server over the same data', async () => {
    const { secret } = await signIn({ token: t.rootToken });
    const { dataDir, rootToken } = t;
    await t.app.close();
    await t.storage.close();
    const storage = await openStorage({ dataDir, synchronous: 'NORMAL' });
    const config = { ...loadConfig({}), dataDir, adminToken: rootToken, publicUrl: testOrigin };
    const app = await buildApp({ storage, config, now: () => Date.parse('2026-01-01T01:00:00Z') });
    try {
      const who = await app.inject({
        method: 'GET',
        url: '/api/console/session',
        headers: { cookie: `kf_console=${secret}` },
      });
      expect(who.statusCode).toBe(200);
    } finally {
      await app.close();
      await storage.close();
      // t.close() in afterEach closes again: harmless, both are idempotent.
    }
  });
});

describe('logs', () => {
  it('never hold the session secret nor the token', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, next) {
        lines.push(String(chunk));
        next();
      },
    });
    const dataDir = `${t.dataDir}-logged`;
    const storage = await openStorage({ dataDir, synchronous: 'NORMAL' });
    const config = { ...loadConfig({}), dataDir, adminToken: t.rootToken, publicUrl: testOrigin };
    const logger = { ...(loggerOptions('trace') as object), stream };
    const app = await buildApp({ storage, config, logger });
    await seedDemo(app.deps, config);
    try {
      const signed = await app.inject({
        method: 'POST',
        url: '/api/console/sessions',
        headers: { origin: testOrigin },
        payload: { token: t.rootToken },
      });
      const secret = /kf_console=([^;]+)/.exec(String(signed.headers['set-cookie']))![1]!;
      const cookie = `kf_console=${secret}`;
      await app.inject({ method: 'GET', url: '/api/console/session', headers: { cookie } });
      await app.inject({
        method: 'DELETE',
        url: '/api/console/session',
        headers: { cookie, origin: testOrigin },
      });
      expect(lines.length).toBeGreaterThan(3);
      const all = lines.join('');
      expect(all).not.toContain(secret);
      expect(all).not.toContain(t.rootToken);
    } finally {
      await app.close();
      await storage.close();
    }
  });
});
