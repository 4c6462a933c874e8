import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/buildTestApp';

let t: TestApp | undefined;
afterEach(async () => t?.close());

describe('rate limits', () => {
  it('limits API calls per token, not per address', async () => {
    t = await buildTestApp({ config: { apiRateLimit: 3 } });
    const other = await t.request('POST', '/api/tenants/default/tokens', {
      body: { name: 'other', permissions: ['TNT#default#IdentityStore:*'] },
    });
    for (let i = 0; i < 2; i++)
      expect((await t.request('GET', '/api/identity-store/stores')).status).toBe(200);
    const limited = await t.request('GET', '/api/identity-store/stores');
    expect([limited.status, limited.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(limited.headers['retry-after']).toBeDefined();
    // Same address, another token: its own budget.
    expect(
      (await t.request('GET', '/api/identity-store/stores', { token: other.body.token })).status,
    ).toBe(200);
  });

  it('limits end-user routes per address', async () => {
    t = await buildTestApp({ config: { publicRateLimit: 2 } });
    const token = t.storage.processes.read().tokens.find((p) => p.name === 'demo')!;
    const start = (ip: string) =>
      t!.app.inject({ method: 'POST', url: `/api/flow/start/${token.id}`, remoteAddress: ip });
    expect((await start('10.0.0.1')).statusCode).toBe(201);
    expect((await start('10.0.0.1')).statusCode).toBe(201);
    const limited = await start('10.0.0.1');
    expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'RATE_LIMITED']);
    expect((await start('10.0.0.2')).statusCode).toBe(201);
  });
});
