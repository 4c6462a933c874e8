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

  it('limits requests with bad tokens per address, before any token lookup', async () => {
    t = await buildTestApp({ config: { badTokenRateLimit: 3 } });
    const mint = (body: object) =>
      t!.request('POST', '/api/tenants/default/tokens', {
        body: { name: 'x', permissions: ['TNT#default#IdentityStore:*'], ...body },
      });
    const good = (await mint({})).body.token as string;
    const expiring = (await mint({ expiresAt: '2026-01-01T00:00:30Z' })).body.token as string;
    const revoked = await mint({});
    await t.request('DELETE', `/api/tenants/default/tokens/${revoked.body.id}`);
    const stores = (token: string, ip: string) =>
      t!.app.inject({
        method: 'GET',
        url: '/api/identity-store/stores',
        headers: { authorization: `Bearer ${token}` },
        remoteAddress: ip,
      });
    const status = async (token: string, ip: string) => {
      const reply = await stores(token, ip);
      return [reply.statusCode, reply.json().error?.code];
    };
    // A valid token's traffic never uses the budget up, however much of it there is.
    const burst = await Promise.all(Array.from({ length: 100 }, () => stores(good, '10.0.0.1')));
    expect(burst.every((r) => r.statusCode === 200)).toBe(true);

    t.clock.now += 31_000;
    const unknown = `kf_${'A'.repeat(43)}`;
    expect(await status(unknown, '10.0.0.1')).toEqual([401, 'TOKEN_INVALID']);
    expect(await status(revoked.body.token, '10.0.0.1')).toEqual([401, 'TOKEN_INVALID']);
    expect(await status(expiring, '10.0.0.1')).toEqual([401, 'TOKEN_INVALID']);
    const limited = await stores(unknown, '10.0.0.1');
    expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(limited.headers['retry-after']).toBeDefined();
    // Refused before the lookup: a right guess from there looks like every wrong one.
    expect(await status(good, '10.0.0.1')).toEqual([429, 'RATE_LIMITED']);
    // Another address is not affected, with a good token or with a bad one.
    expect(await status(good, '10.0.0.2')).toEqual([200, undefined]);
    expect(await status(unknown, '10.0.0.2')).toEqual([401, 'TOKEN_INVALID']);
    // A minute later the address has its budget back.
    t.clock.now += 60_000;
    expect(await status(good, '10.0.0.1')).toEqual([200, undefined]);
    expect(await status(unknown, '10.0.0.1')).toEqual([401, 'TOKEN_INVALID']);
  });

  it('limits end-user routes per address', async () => {
    t = await buildTestApp({ config: { publicRateLimit: 2 } });
    const token = (await t.storage.records.processTokens.findByName({
      tenantId: 'default',
      name: 'demo',
    }))!;
    const start = (ip: string) =>
      t!.app.inject({ method: 'POST', url: `/api/flow/start/${token.id}`, remoteAddress: ip });
    expect((await start('10.0.0.1')).statusCode).toBe(201);
    expect((await start('10.0.0.1')).statusCode).toBe(201);
    const limited = await start('10.0.0.1');
    expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'RATE_LIMITED']);
    expect((await start('10.0.0.2')).statusCode).toBe(201);
  });
});
