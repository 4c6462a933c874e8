import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTenant, expectError } from '../api/apiTestKit';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { store } from '../support/registrationHelpers';
import { createIdentity, realm } from './bindingTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const identities = `${realm()}/identities`;

describe('Beyond Identity identities', () => {
  it('creates an identity in Beyond Identity shape, backed by a native user', async () => {
    const created = await t.request('POST', identities, {
      body: {
        identity: {
          display_name: 'Jane Smith',
          traits: {
            type: 'traits_v0',
            username: 'jane.smith',
            primary_email_address: 'jane@example.com',
            given_name: 'Jane',
            family_name: 'Smith',
          },
        },
      },
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      realm_id: 'default',
      tenant_id: 'default',
      display_name: 'Jane Smith',
      status: 'active',
      create_time: '2026-01-01T00:00:00.000Z',
      update_time: '2026-01-01T00:00:00.000Z',
      traits: {
        type: 'traits_v0',
        username: 'jane.smith',
        external_id: expect.any(String),
        primary_email_address: 'jane@example.com',
        given_name: 'Jane',
        family_name: 'Smith',
      },
    });
    // One user, two views: the native API sees the same record.
    const native = await t.request('GET', `${store}/users/${created.body.id}`);
    expect(native.body).toMatchObject({
      userKey: 'jane.smith',
      email: 'jane@example.com',
      firstName: 'Jane',
      lastName: 'Smith',
      status: 'ACTIVE',
      externalId: created.body.traits.external_id,
      attributes: { displayName: 'Jane Smith' },
    });
    expect((await t.request('GET', `${identities}/${created.body.id}`)).body).toEqual(created.body);
  });

  it('shows a user created through the native API as an identity', async () => {
    const user = await t.request('POST', `${store}/users`, {
      body: { userKey: 'grace', firstName: 'Grace', lastName: 'Hopper', status: 'LOCKED' },
    });
    const read = await t.request('GET', `${identities}/${user.body.id}`);
    expect(read.body).toMatchObject({
      display_name: 'Grace Hopper',
      status: 'suspended',
      traits: { username: 'grace', given_name: 'Grace', family_name: 'Hopper' },
    });
    expect(read.body.traits.primary_email_address).toBeUndefined();
  });

  it('maps status: suspended ↔ DISABLED, active ↔ ACTIVE, and keeps a finer native status', async () => {
    const { id } = await createIdentity(t);
    const suspend = await t.request('PATCH', `${identities}/${id}`, {
      body: { identity: { status: 'suspended' } },
    });
    expect(suspend.body.status).toBe('suspended');
    expect((await t.request('GET', `${store}/users/${id}`)).body.status).toBe('DISABLED');
    await t.request('PATCH', `${store}/users/${id}`, { body: { status: 'LOCKED' } });
    await t.request('PATCH', `${identities}/${id}`, {
      body: { identity: { status: 'suspended' } },
    });
    expect((await t.request('GET', `${store}/users/${id}`)).body.status).toBe('LOCKED');
    const activate = await t.request('PATCH', `${identities}/${id}`, {
      body: { identity: { status: 'active' } },
    });
    expect(activate.body.status).toBe('active');
    expect((await t.request('GET', `${store}/users/${id}`)).body.status).toBe('ACTIVE');
  });

  it('patches display_name and traits, keeps other attributes, and clears a trait set to null', async () => {
    const { id } = await createIdentity(t, { username: 'ada' });
    await t.request('PATCH', `${store}/users/${id}`, {
      body: { attributes: { displayName: 'Name of ada', department: 'engines' } },
    });
    const patched = await t.request('PATCH', `${identities}/${id}`, {
      body: {
        identity: {
          display_name: 'Ada Lovelace',
          traits: {
            username: 'ada.lovelace',
            primary_email_address: null,
            formatted_name: 'Ada, Countess',
          },
        },
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      display_name: 'Ada Lovelace',
      traits: { username: 'ada.lovelace', formatted_name: 'Ada, Countess' },
    });
    expect(patched.body.traits.primary_email_address).toBeUndefined();
    const native = await t.request('GET', `${store}/users/${id}`);
    expect(native.body.attributes).toEqual({
      displayName: 'Ada Lovelace',
      department: 'engines',
      formattedName: 'Ada, Countess',
    });
  });

  it('lists identities in pages with next_page_token, page_size and skip', async () => {
    for (let i = 0; i < 5; i++) await createIdentity(t, { username: `user${i}` });
    const first = await t.request('GET', `${identities}?page_size=2`);
    expect(first.body.total_size).toBe(5);
    expect(
      first.body.identities.map((i: { traits: { username: string } }) => i.traits.username),
    ).toEqual(['user0', 'user1']);
    const second = await t.request('GET', `${identities}?page_token=${first.body.next_page_token}`);
    expect(
      second.body.identities.map((i: { traits: { username: string } }) => i.traits.username),
    ).toEqual(['user2', 'user3']);
    const last = await t.request('GET', `${identities}?page_token=${second.body.next_page_token}`);
    expect(last.body.identities).toHaveLength(1);
    expect(last.body.next_page_token).toBeUndefined();
    const skipped = await t.request('GET', `${identities}?skip=3`);
    expect(
      skipped.body.identities.map((i: { traits: { username: string } }) => i.traits.username),
    ).toEqual(['user3', 'user4']);
    expectError(await t.request('GET', `${identities}?page_token=bogus`), 400, 'INVALID_INPUT');
    expectError(await t.request('GET', `${identities}?page_size=201`), 400, 'INVALID_INPUT');
  });

  it('deletes an identity (204), after which it is 404', async () => {
    const { id } = await createIdentity(t);
    expect((await t.request('DELETE', `${identities}/${id}`)).status).toBe(204);
    expectError(await t.request('GET', `${identities}/${id}`), 404, 'USER_NOT_FOUND');
  });

  it('refuses a taken username (409), unknown fields (400) and an unknown realm (404)', async () => {
    await createIdentity(t, { username: 'dup' });
    const dup = await t.request('POST', identities, {
      body: { identity: { display_name: 'D', traits: { username: 'dup' } } },
    });
    expectError(dup, 409, 'USER_KEY_NOT_UNIQUE');
    const unknown = await t.request('POST', identities, {
      body: { identity: { display_name: 'D', traits: { username: 'x', nickname: 'y' } } },
    });
    expectError(unknown, 400, 'INVALID_INPUT');
    const noRealm = await t.request('POST', `${realm('default', 'nope')}/identities`, {
      body: { identity: { display_name: 'D', traits: { username: 'x' } } },
    });
    expectError(noRealm, 404, 'STORE_NOT_FOUND');
  });

  it("takes the tenant from the path: a tenant token never reaches another tenant's realm", async () => {
    await createTenant(t, 'acme');
    const issued = await t.request('POST', '/api/tenants/acme/tokens', {
      body: { name: 'acme', permissions: ['TNT#acme#IdentityStore:*'] },
    });
    const token = issued.body.token as string;
    const own = await createIdentity(t, {}, { tenant: 'acme', token });
    expect(own.id).toBeDefined();
    expectError(
      await t.request('GET', `${realm('default')}/identities`, { token }),
      404,
      'TENANT_NOT_FOUND',
    );
    // The root token acts in the path's tenant, never in X-Tenant-Id's.
    const listed = await t.request('GET', `${realm('acme')}/identities`, {
      headers: { 'x-tenant-id': 'default' },
    });
    expect(listed.body.total_size).toBe(1);
    expectError(await t.request('GET', `${realm('ghost')}/identities`), 404, 'TENANT_NOT_FOUND');
  });
});
