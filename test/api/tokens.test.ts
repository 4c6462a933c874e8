import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiToken } from '../../identity/createApiToken';
import { buildTestApp, type Json, type TestApp } from '../support/buildTestApp';
import { createTenant, expectError } from './apiTestKit';

const acmeTokens = '/api/tenants/acme/tokens';
let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await createTenant(t, 'acme');
});
afterEach(async () => t.close());

const acme = (grants: string[]) => grants.map((g) => `TNT#acme#${g}`);

/** A token of acme (minted by the root token) holding `grants`, e.g. `Admin:createToken`. */
async function acmeToken(grants: string[], { expiresAt }: { expiresAt?: string } = {}) {
  const reply = await t.request('POST', acmeTokens, {
    body: { name: 'issuer', permissions: acme(grants), ...(expiresAt ? { expiresAt } : {}) },
  });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; token: string };
}

function mint(token: string, body: Json, url = acmeTokens) {
  return t.request('POST', url, { body: { name: 'child', ...body }, token });
}

describe('creating a token from a token', () => {
  it.each([
    {
      why: 'a broader permission',
      holds: ['Admin:createToken', 'IdentityStore:readUser'],
      wants: ['IdentityStore:readUser', 'IdentityStore:deleteUser'],
      missing: ['IdentityStore:deleteUser'],
    },
    {
      why: 'the area wildcard from one action',
      holds: ['Admin:createToken', 'IdentityStore:readUser'],
      wants: ['IdentityStore:*'],
      missing: ['IdentityStore:*'],
    },
    {
      why: 'the tenant wildcard from an area wildcard',
      holds: ['Admin:createToken', 'IdentityStore:*'],
      wants: ['*'],
      missing: ['*'],
    },
    {
      why: 'the tenant wildcard from createToken alone (the reported escalation)',
      holds: ['Admin:createToken'],
      wants: ['*'],
      missing: ['*'],
    },
    {
      why: 'an area that merely starts like a held one (no prefix matching)',
      holds: ['Admin:createToken', 'Identity:*'],
      wants: ['IdentityStore:readUser'],
      missing: ['IdentityStore:readUser'],
    },
    {
      why: 'every area from an action in every area',
      holds: ['Admin:createToken', '*:read'],
      wants: ['Forms:read', 'Forms:*'],
      missing: ['Forms:*'],
    },
  ])('refuses $why with 403 PERMISSION_NOT_HELD naming what is not held', async (c) => {
    const { token } = await acmeToken(c.holds);
    const before = t.storage.identity.read().tokens.length;
    const reply = await mint(token, { permissions: acme(c.wants) });
    expectError(reply, 403, 'PERMISSION_NOT_HELD');
    expect(reply.body.error.details.permissions).toEqual(acme(c.missing));
    expect(t.storage.identity.read().tokens.length).toBe(before);
  });

  it.each([
    { holds: ['Admin:createToken', 'IdentityStore:*'], wants: ['IdentityStore:*'] },
    {
      holds: ['Admin:createToken', 'IdentityStore:*'],
      wants: ['IdentityStore:createPasskeyRegistrationForUser', 'IdentityStore:readStore'],
    },
    { holds: ['Admin:createToken'], wants: ['Admin:createToken'] },
    { holds: ['Admin:createToken'], wants: [] },
    { holds: ['*'], wants: ['*'] },
    { holds: ['*'], wants: ['Forms:read', 'Admin:*', 'IdentityStore:readStore'] },
    { holds: ['Admin:createToken', '*:read'], wants: ['Forms:read', 'Pages:read'] },
  ])('accepts the subset $wants of $holds', async ({ holds, wants }) => {
    const { token } = await acmeToken(holds);
    const reply = await mint(token, { permissions: acme(wants) });
    expect(reply.status).toBe(201);
    expect(reply.body.permissions).toEqual(acme(wants));
  });

  it('makes a usable token from a subset', async () => {
    const { token } = await acmeToken(['Admin:createToken', 'IdentityStore:*']);
    const child = await mint(token, { permissions: acme(['IdentityStore:readStore']) });
    const stores = await t.request('GET', '/api/identity-store/stores', {
      token: child.body.token,
    });
    expect(stores.status).toBe(200);
  });

  it('keeps the expiry of an expiring token as the ceiling', async () => {
    const latest = '2026-01-02T00:00:00.000Z';
    const { token } = await acmeToken(['Admin:createToken', 'Forms:read'], { expiresAt: latest });
    const permissions = acme(['Forms:read']);
    const never = await mint(token, { permissions });
    expectError(never, 403, 'TOKEN_EXPIRY_TOO_LATE');
    expect(never.body.error.details).toEqual({ expiresAt: null, latest });
    const later = await mint(token, { permissions, expiresAt: '2026-01-02T00:00:01Z' });
    expectError(later, 403, 'TOKEN_EXPIRY_TOO_LATE');
    // The same instant in another offset is not later.
    const same = await mint(token, { permissions, expiresAt: '2026-01-02T01:00:00+01:00' });
    expect(same.status).toBe(201);
    const sooner = await mint(token, { permissions, expiresAt: '2026-01-01T12:00:00Z' });
    expect(sooner.status).toBe(201);
  });

  it('lets a token without expiry mint with or without one', async () => {
    const { token } = await acmeToken(['Admin:createToken']);
    expect((await mint(token, { permissions: [] })).status).toBe(201);
    expect((await mint(token, { permissions: [], expiresAt: '2030-01-01T00:00:00Z' })).status).toBe(
      201,
    );
  });

  it("refuses another tenant's tokens, even without permissions", async () => {
    const { token } = await acmeToken(['*']);
    expectError(
      await mint(token, { permissions: [] }, '/api/tenants/default/tokens'),
      404,
      'TENANT_NOT_FOUND',
    );
    const grant = await mint(token, { permissions: ['TNT#default#IdentityStore:*'] });
    expectError(grant, 400, 'INVALID_INPUT');
    expect(t.storage.identity.read().tokens.some((r) => r.name === 'child')).toBe(false);
  });

  it('lets root tokens (the configured one and a stored one) mint anything for any tenant', async () => {
    const stored = await createApiToken(t.app.deps, { tenantId: null, name: 'printed root' });
    for (const token of [t.rootToken, stored.token]) {
      const reply = await mint(token, { permissions: ['TNT#acme#*'] });
      expect(reply.status).toBe(201);
      expect(reply.body.expiresAt).toBeNull();
      expect((await mint(token, { permissions: [] }, '/api/tenants/default/tokens')).status).toBe(
        201,
      );
    }
  });
});

describe('listing, reading and revoking tokens', () => {
  it('pages the tenant tokens and never answers a secret or its hash', async () => {
    const secrets: string[] = [];
    for (let i = 0; i < 25; i++) {
      const reply = await t.request('POST', acmeTokens, {
        body: { name: `t${i}`, permissions: acme(['Forms:read']) },
      });
      secrets.push(reply.body.token);
    }
    const first = await t.request('GET', acmeTokens);
    expect(first.status).toBe(200);
    expect({ ...first.body, items: first.body.items.length }).toEqual({
      items: 20,
      page: 0,
      size: 20,
      total: 25,
    });
    expect(Object.keys(first.body.items[0]).sort()).toEqual(
      ['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'permissions'].sort(),
    );
    const second = await t.request('GET', `${acmeTokens}?page=1&size=20`);
    expect(second.body.items.map((x: Json) => x.name)).toEqual(['t20', 't21', 't22', 't23', 't24']);
    const all = await t.request('GET', `${acmeTokens}?size=200`);
    expect(all.body.items).toHaveLength(25);
    expectError(await t.request('GET', `${acmeTokens}?size=201`), 400, 'INVALID_INPUT');
    expectError(await t.request('GET', `${acmeTokens}?page=-1`), 400, 'INVALID_INPUT');
    // Only acme's own: the default tenant's tokens are not among them.
    expect((await t.request('GET', '/api/tenants/default/tokens')).body.total).toBe(0);

    const one = await t.request('GET', `${acmeTokens}/${all.body.items[3].id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(all.body.items[3]);
    const hashes = t.storage.identity.read().tokens.map((r) => r.secretHash);
    for (const text of [JSON.stringify(all.body), JSON.stringify(one.body)]) {
      expect(text).not.toContain('secretHash');
      for (const secret of [...secrets, ...hashes]) expect(text).not.toContain(secret);
    }
  });

  it('needs Admin:readToken to read and Admin:revokeToken to revoke', async () => {
    const { id, token } = await acmeToken(['Admin:createToken']);
    expectError(await t.request('GET', acmeTokens, { token }), 403, 'PERMISSION_DENIED');
    expectError(await t.request('GET', `${acmeTokens}/${id}`, { token }), 403, 'PERMISSION_DENIED');
    expectError(
      await t.request('DELETE', `${acmeTokens}/${id}`, { token }),
      403,
      'PERMISSION_DENIED',
    );
    const reader = await acmeToken(['Admin:readToken']);
    expect((await t.request('GET', acmeTokens, { token: reader.token })).status).toBe(200);
  });

  it('refuses a revoked token on the very next request', async () => {
    const admin = await acmeToken(['Admin:*', 'IdentityStore:*']);
    const victim = await acmeToken(['IdentityStore:readStore']);
    const stores = (token: string) => t.request('GET', '/api/identity-store/stores', { token });
    expect((await stores(victim.token)).status).toBe(200);
    const revoked = await t.request('DELETE', `${acmeTokens}/${victim.id}`, { token: admin.token });
    expect(revoked.status).toBe(204);
    expectError(await stores(victim.token), 401, 'TOKEN_INVALID');
    expectError(await t.request('GET', `${acmeTokens}/${victim.id}`), 404, 'TOKEN_NOT_FOUND');
    expectError(await t.request('DELETE', `${acmeTokens}/${victim.id}`), 404, 'TOKEN_NOT_FOUND');
    expect((await stores(admin.token)).status).toBe(200);
  });

  it('lets a token revoke itself, but not a token holding more than it does', async () => {
    const narrow = await acmeToken(['Admin:revokeToken', 'Admin:readToken']);
    const broad = await acmeToken(['*']);
    const refused = await t.request('DELETE', `${acmeTokens}/${broad.id}`, {
      token: narrow.token,
    });
    expectError(refused, 403, 'PERMISSION_NOT_HELD');
    expect(refused.body.error.details.permissions).toEqual(['TNT#acme#*']);
    expect((await t.request('GET', acmeTokens, { token: broad.token })).status).toBe(200);

    const self = await t.request('DELETE', `${acmeTokens}/${narrow.id}`, { token: narrow.token });
    expect(self.status).toBe(204);
    expectError(await t.request('GET', acmeTokens, { token: narrow.token }), 401, 'TOKEN_INVALID');
  });

  it("answers 404 for another tenant's token ids and paths", async () => {
    const { id, token } = await acmeToken(['IdentityStore:readStore']);
    const other = '/api/tenants/default/tokens';
    expectError(await t.request('GET', `${other}/${id}`), 404, 'TOKEN_NOT_FOUND');
    expectError(await t.request('DELETE', `${other}/${id}`), 404, 'TOKEN_NOT_FOUND');
    expect((await t.request('GET', '/api/identity-store/stores', { token })).status).toBe(200);
    // A tenant token on another tenant's path: that tenant does not exist for it.
    const admin = await acmeToken(['Admin:*']);
    expectError(await t.request('GET', other, { token: admin.token }), 404, 'TENANT_NOT_FOUND');
  });

  it('writes lastUsedAt at most once a minute per token', async () => {
    const { id, token } = await acmeToken(['IdentityStore:readStore']);
    const stored = () => t.storage.identity.read().tokens.find((r) => r.id === id)?.lastUsedAt;
    expect((await t.request('GET', `${acmeTokens}/${id}`)).body.lastUsedAt).toBeNull();
    const writes = vi.spyOn(t.storage.identity, 'update');
    const use = () => t.request('GET', '/api/identity-store/stores', { token });

    const first = '2026-01-01T00:00:00.000Z';
    await Promise.all(Array.from({ length: 10 }, use));
    await vi.waitFor(() => expect(stored()).toBe(first));
    t.clock.now += 59_000;
    for (let i = 0; i < 5; i++) await use();
    expect(writes).toHaveBeenCalledTimes(1);
    expect(stored()).toBe(first);

    t.clock.now += 1_000;
    await use();
    await use();
    await vi.waitFor(() => expect(stored()).toBe('2026-01-01T00:01:00.000Z'));
    expect(writes).toHaveBeenCalledTimes(2);
    const view = await t.request('GET', `${acmeTokens}/${id}`);
    expect(view.body.lastUsedAt).toBe('2026-01-01T00:01:00.000Z');
    const list = await t.request('GET', acmeTokens);
    expect(list.body.items.find((x: Json) => x.id === id).lastUsedAt).toBe(
      '2026-01-01T00:01:00.000Z',
    );
  });
});
