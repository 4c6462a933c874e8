import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/buildApp';
import { loadConfig } from '../../api/loadConfig';
import { loggerOptions } from '../../api/loggerOptions';
import { seedDemo } from '../../api/seedDemo';
import { openStorage } from '../../storage/openStorage';
import { buildTestApp, type TestApp } from '../support/buildTestApp';

describe('basics', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => t.close());

  it('GET /health answers 200 {status: ok} without a token', async () => {
    const response = await t.request('GET', '/health', { token: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('GET /docs serves the browsable reference as HTML', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toMatch(/<html/i);
  });

  it('GET /docs/json is the OpenAPI document with the registration paths', async () => {
    const response = await t.request('GET', '/docs/json', { token: null });
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(response.body.paths);
    const registrations = '/api/identity-store/stores/{storeName}';
    expect(paths).toEqual(
      expect.arrayContaining([
        `${registrations}/users/{userId}/passkeys/relyingParties/{rpId}/registrations/{regPolicyName}`,
        `${registrations}/users/{userId}/passkeys/relyingParties/{rpId}/registrations/{regPolicyName}/ext`,
        `${registrations}/passkeys/registrations/sessions/{sessionId}`,
        `${registrations}/passkeys/registrations/sessions/{sessionId}/cancel`,
        `${registrations}/users`,
        '/api/identity-store/passkeys/relyingParties/{rpId}',
      ]),
    );
    // /health is served but not part of the reference.
    expect(paths).not.toContain('/health');
    expect(response.body.components.securitySchemes.bearer).toEqual({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND, without the query string', async () => {
    for (const [method, url] of [
      ['GET', '/nope'],
      ['GET', '/api/identity-store/nope?token=secret'],
      ['POST', '/api/identity-store/stores/default/users/x/unknown'],
      ['DELETE', '/health'],
    ] as const) {
      const response = await t.request(method, url, { token: null });
      expect([method, url, response.status, response.body.error.code]).toEqual([
        method,
        url,
        404,
        'ROUTE_NOT_FOUND',
      ]);
      expect(response.body.error.message).not.toContain('secret');
    }
  });

  it('never answers 500 for a body that is not JSON', async () => {
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/identity-store/stores',
      headers: { authorization: `Bearer ${t.rootToken}`, 'content-type': 'application/json' },
      payload: 'not json',
    });
    expect(notJson.statusCode).toBe(400);
    expect(JSON.parse(notJson.body).error.code).toBe('INVALID_BODY');
  });
});

describe('logs', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keyform-log-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('never contain a bearer token, whatever the request did', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const rootToken = `root_${randomBytes(24).toString('base64url')}`;
    const config = {
      ...loadConfig({}),
      dataDir: dir,
      adminToken: rootToken,
      publicUrl: 'http://localhost:3000',
    };
    const storage = await openStorage({ dataDir: dir, synchronous: 'NORMAL' });
    const options = loggerOptions('debug');
    const app = await buildApp({
      storage,
      config,
      logger: { ...(options as object), stream },
    });
    try {
      await seedDemo(app.deps, config);
      const tenantToken = await app.inject({
        method: 'POST',
        url: '/api/tenants/default/tokens',
        headers: { authorization: `Bearer ${rootToken}` },
        payload: { name: 'reader', permissions: ['TNT#default#IdentityStore:readStore'] },
      });
      const readerToken = JSON.parse(tenantToken.body).token as string;
      const unknownToken = `kf_${randomBytes(32).toString('base64url')}`;
      const startToken = (await storage.records.processTokens.list({ tenantId: 'default' }))[0]!.id;
      const secrets = [rootToken, readerToken, unknownToken, startToken];
      const requests = [
        // ok, with each kind of token
        { method: 'GET', url: '/api/identity-store/stores', token: rootToken },
        { method: 'GET', url: '/api/identity-store/stores', token: readerToken },
        // 401 unknown token, 403 missing permission, 404, 400
        { method: 'GET', url: '/api/identity-store/stores', token: unknownToken },
        {
          method: 'POST',
          url: '/api/identity-store/stores',
          token: readerToken,
          payload: { name: 'x' },
        },
        { method: 'GET', url: '/api/identity-store/stores/missing', token: rootToken },
        {
          method: 'POST',
          url: '/api/identity-store/stores',
          token: rootToken,
          payload: { bad: 1 },
        },
        // a token in the query string (where link tokens travel) is cut from the logged URL
        {
          method: 'GET',
          url: `/api/identity-store/stores?access_token=${rootToken}`,
          token: rootToken,
        },
        { method: 'GET', url: `/nope?token=${readerToken}`, token: readerToken },
        // a start link's token is in its path
        { method: 'GET', url: `/start/${startToken}`, token: null },
        { method: 'POST', url: `/api/flow/start/${startToken}`, token: null },
      ] as const;
      for (const { method, url, token, ...rest } of requests) {
        await app.inject({
          method,
          url,
          headers: token ? { authorization: `Bearer ${token}`, cookie: `kf_session=${token}` } : {},
          ...('payload' in rest ? { payload: rest.payload } : {}),
        });
      }

      expect(lines.length).toBeGreaterThanOrEqual(requests.length * 2);
      const log = lines.join('\n');
      for (const secret of secrets) expect(log).not.toContain(secret);
      // The logs are still useful: the requests are there, with their paths.
      expect(log).toContain('/api/identity-store/stores/missing');
      expect(log).toContain('/api/flow/start/[redacted]');
      expect(lines.some((line) => JSON.parse(line).res?.statusCode === 401)).toBe(true);
    } finally {
      await app.close();
      await storage.close();
    }
  });
});
