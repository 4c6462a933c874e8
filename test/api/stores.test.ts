import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/buildTestApp';

const stores = '/api/identity-store/stores';
let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

async function acmeToken(permissions = ['TNT#acme#IdentityStore:*']) {
  const tenant = await t.request('POST', '/api/tenants', { body: { id: 'acme' } });
  expect(tenant.status).toBe(201);
  const token = await t.request('POST', '/api/tenants/acme/tokens', {
    body: { name: 'acme', permissions },
  });
  expect(token.status).toBe(201);
  return token.body.token as string;
}

describe('identity stores', () => {
  it('creates a store (201), lists it and gets it', async () => {
    const created = await t.request('POST', stores, {
      body: { name: 'employees', displayName: 'Employees' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: 'default/employees',
      name: 'employees',
      displayName: 'Employees',
      createdAt: '2026-01-01T00:00:00.000Z',
    });

    const list = await t.request('GET', stores);
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { name: string }) => s.name)).toEqual(['default', 'employees']);
    expect(list.body.items[0].tenantId).toBeUndefined();

    const one = await t.request('GET', `${stores}/employees`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(created.body);
  });

  it('defaults displayName to null', async () => {
    const created = await t.request('POST', stores, { body: { name: 'plain' } });
    expect(created.body.displayName).toBeNull();
  });

  it('refuses a duplicate with 409 STORE_EXISTS and keeps the first', async () => {
    await t.request('POST', stores, { body: { name: 'twice', displayName: 'First' } });
    const again = await t.request('POST', stores, {
      body: { name: 'twice', displayName: 'Second' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('STORE_EXISTS');
    expect((await t.request('GET', `${stores}/twice`)).body.displayName).toBe('First');
    const names = (await t.request('GET', stores)).body.items.map((s: { name: string }) => s.name);
    expect(names.filter((n: string) => n === 'twice')).toHaveLength(1);
  });

  it('creates only one of two concurrent stores of the same name', async () => {
    const results = await Promise.all([
      t.request('POST', stores, { body: { name: 'race' } }),
      t.request('POST', stores, { body: { name: 'race' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(t.storage.identity.read().stores.filter((s) => s.name === 'race')).toHaveLength(1);
  });

  it.each([
    [{ name: '' }, '/name'],
    [{ name: 'has space' }, '/name'],
    [{ name: '-leading' }, '/name'],
    [{ name: 'x'.repeat(65) }, '/name'],
    [{ name: 7 }, '/name'],
    [{ name: 'ok', displayName: '' }, '/displayName'],
    [{ name: 'ok', extra: true }, '/'],
    [{}, '/'],
  ])('refuses %j with 400', async (body, path) => {
    const response = await t.request('POST', stores, { body });
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('answers 404 STORE_NOT_FOUND for an unknown store and for user routes under it', async () => {
    const one = await t.request('GET', `${stores}/missing`);
    expect(one.status).toBe(404);
    expect(one.body.error.code).toBe('STORE_NOT_FOUND');
    const create = await t.request('POST', `${stores}/missing/users`, { body: { userKey: 'u' } });
    expect(create.status).toBe(404);
    expect(create.body.error.code).toBe('STORE_NOT_FOUND');
  });

  it("treats another tenant's store as unknown (404), both ways", async () => {
    const token = await acmeToken();
    expect((await t.request('POST', stores, { body: { name: 'acme-only' }, token })).status).toBe(
      201,
    );
    expect((await t.request('POST', stores, { body: { name: 'default-only' } })).status).toBe(201);

    const fromDefault = await t.request('GET', `${stores}/acme-only`);
    expect(fromDefault.status).toBe(404);
    expect(fromDefault.body.error.code).toBe('STORE_NOT_FOUND');
    const usersFromDefault = await t.request('POST', `${stores}/acme-only/users`, {
      body: { userKey: 'intruder' },
    });
    expect(usersFromDefault.status).toBe(404);
    expect(usersFromDefault.body.error.code).toBe('STORE_NOT_FOUND');

    const fromAcme = await t.request('GET', `${stores}/default-only`, { token });
    expect(fromAcme.status).toBe(404);
    expect(fromAcme.body.error.code).toBe('STORE_NOT_FOUND');

    const acmeList = await t.request('GET', stores, { token });
    expect(acmeList.body.items.map((s: { id: string }) => s.id)).toEqual([
      'acme/default',
      'acme/acme-only',
    ]);
    const defaultList = await t.request('GET', stores);
    expect(defaultList.body.items.map((s: { id: string }) => s.id)).toEqual([
      'default/default',
      'default/default-only',
    ]);
    // The same name may exist in both tenants.
    expect((await t.request('POST', stores, { body: { name: 'acme-only' } })).status).toBe(201);
  });

  it('needs createStore to create and readStore to read', async () => {
    const reader = await acmeToken(['TNT#acme#IdentityStore:readStore']);
    expect((await t.request('GET', stores, { token: reader })).status).toBe(200);
    const denied = await t.request('POST', stores, { body: { name: 'nope' }, token: reader });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('PERMISSION_DENIED');
  });
});

describe('tenants', () => {
  it('creates a tenant with its default store (root only)', async () => {
    const created = await t.request('POST', '/api/tenants', { body: { id: 'acme' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: 'acme', createdAt: '2026-01-01T00:00:00.000Z' });
    const acmeStores = await t.request('GET', stores, { headers: { 'x-tenant-id': 'acme' } });
    expect(acmeStores.body.items.map((s: { name: string }) => s.name)).toEqual(['default']);
  });

  it('refuses a duplicate tenant with 409 TENANT_EXISTS', async () => {
    await t.request('POST', '/api/tenants', { body: { id: 'acme' } });
    const again = await t.request('POST', '/api/tenants', { body: { id: 'acme' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('TENANT_EXISTS');
    const existing = await t.request('POST', '/api/tenants', { body: { id: 'default' } });
    expect(existing.status).toBe(409);
  });

  it('refuses POST /api/tenants with a tenant token (403), even one with every permission', async () => {
    const token = await acmeToken(['TNT#acme#*:*']);
    const response = await t.request('POST', '/api/tenants', { body: { id: 'evil' }, token });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('PERMISSION_DENIED');
    expect(t.storage.identity.read().tenants.map((x) => x.id)).toEqual(['default', 'acme']);
  });

  it('answers 404 TENANT_NOT_FOUND when a root token names a tenant that does not exist', async () => {
    const response = await t.request('GET', stores, { headers: { 'x-tenant-id': 'ghost' } });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('TENANT_NOT_FOUND');
  });

  it('lets a tenant token mint tokens only for its own tenant', async () => {
    const token = await acmeToken(['TNT#acme#Admin:createToken', 'TNT#acme#IdentityStore:*']);
    const own = await t.request('POST', '/api/tenants/acme/tokens', {
      body: { name: 'child', permissions: ['TNT#acme#IdentityStore:readStore'] },
      token,
    });
    expect(own.status).toBe(201);
    expect(own.body.token).toMatch(/^kf_/);
    const other = await t.request('POST', '/api/tenants/default/tokens', {
      body: { name: 'escalate', permissions: ['TNT#default#IdentityStore:*'] },
      token,
    });
    expect(other.status).toBe(404);
    const foreignGrant = await t.request('POST', '/api/tenants/acme/tokens', {
      body: { name: 'bad', permissions: ['TNT#default#IdentityStore:*'] },
      token,
    });
    expect(foreignGrant.status).toBe(400);
    expect(foreignGrant.body.error.details.fields[0].path).toBe('/permissions/0');
  });
});
