import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';
import { countRows, sessionUrl, startUrl, store } from '../support/registrationHelpers';

const users = `${store}/users`;
let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const everyAttribute = {
  userKey: 'ada.lovelace',
  externalId: 'crm-1815',
  email: 'ada@example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  dateOfBirth: '1815-12-10',
  locale: { country: 'GB', language: 'en', variant: 'oxendict' },
  nationalities: ['GB', 'IE'],
  status: 'PENDING_ACTIVE',
  timezone: 'Europe/London',
  type: 'employee',
  attributes: { department: 'analytical-engines', 'cost.centre': '42' },
};

/** `details.fields[].path` of a 400, the contract a client fixes its input by. */
const paths = (body: { error: { details?: { fields?: Array<{ path: string }> } } }) =>
  (body.error.details?.fields ?? []).map((f) => f.path);

describe('POST /users', () => {
  it('creates a user with every attribute and GET returns them', async () => {
    const created = await t.request('POST', users, { body: everyAttribute });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(everyAttribute);
    expect(created.body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.body.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(created.body.updatedAt).toBe(created.body.createdAt);
    // Internal scoping never leaks into a response.
    expect(created.body.tenantId).toBeUndefined();
    expect(created.body.storeName).toBeUndefined();

    const read = await t.request('GET', `${users}/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('fills the optional attributes with null and the status with ACTIVE', async () => {
    const created = await t.request('POST', users, { body: { userKey: 'minimal' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      userKey: 'minimal',
      email: null,
      firstName: null,
      lastName: null,
      dateOfBirth: null,
      locale: null,
      nationalities: null,
      status: 'ACTIVE',
      timezone: null,
      type: null,
      attributes: null,
    });
  });

  it('generates a distinct externalId when none is given', async () => {
    const a = await t.request('POST', users, { body: { userKey: 'a' } });
    const b = await t.request('POST', users, { body: { userKey: 'b' } });
    expect(a.body.externalId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(b.body.externalId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.body.externalId).not.toBe(b.body.externalId);
    const byExt = await t.request('GET', `${users}/${a.body.externalId}/ext`);
    expect(byExt.body.id).toBe(a.body.id);
  });

  it('refuses a duplicate externalId with 409 EXT_ID_NOT_UNIQUE and stores nothing', async () => {
    await t.request('POST', users, { body: { userKey: 'first', externalId: 'dup' } });
    const second = await t.request('POST', users, {
      body: { userKey: 'second', externalId: 'dup' },
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('EXT_ID_NOT_UNIQUE');
    expect(second.body.error.message).toContain("'dup'");
    expect(countRows(t, 'users')).toBe(1);
    expect((await t.request('GET', `${users}/dup/ext`)).body.userKey).toBe('first');
  });

  it('refuses a duplicate userKey with 409 USER_KEY_NOT_UNIQUE and stores nothing', async () => {
    await t.request('POST', users, { body: { userKey: 'same' } });
    const second = await t.request('POST', users, { body: { userKey: 'same' } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('USER_KEY_NOT_UNIQUE');
    expect(countRows(t, 'users')).toBe(1);
  });

  it('allows the same userKey and externalId in another store', async () => {
    await t.request('POST', '/api/identity-store/stores', { body: { name: 'other' } });
    const body = { userKey: 'same', externalId: 'same-ext' };
    expect((await t.request('POST', users, { body })).status).toBe(201);
    expect(
      (await t.request('POST', '/api/identity-store/stores/other/users', { body })).status,
    ).toBe(201);
  });

  it.each([
    ['dateOfBirth that is not a calendar date', { dateOfBirth: '2020-02-30' }, '/dateOfBirth'],
    ['dateOfBirth that is not yyyy-mm-dd', { dateOfBirth: '20-1-1' }, '/dateOfBirth'],
    ['three-letter language', { locale: { language: 'eng' } }, '/locale/language'],
    ['lower-case country', { locale: { country: 'de' } }, '/locale/country'],
    ['unknown field in locale', { locale: { region: 'EU' } }, '/locale'],
    ['unknown status', { status: 'ACTIVATED' }, '/status'],
    ['time zone that does not exist', { timezone: 'Mars/Olympus' }, '/timezone'],
    ['type of 65 characters', { type: 't'.repeat(65) }, '/type'],
    ['attribute with a non-string value', { attributes: { level: 3 } }, '/attributes/level'],
    ['key in attributes outside the pattern', { attributes: { 'bad key': 5 } }, '/attributes'],
    ['email that is not an email', { email: 'not-an-email' }, '/email'],
    ['lower-case nationality', { nationalities: ['gb'] }, '/nationalities/0'],
    ['userKey with whitespace', { userKey: 'two words' }, '/userKey'],
    ['externalId with a slash', { externalId: 'a/b' }, '/externalId'],
  ])('refuses a %s with 400 and the field path', async (_label, fields, path) => {
    const response = await t.request('POST', users, { body: { userKey: 'u1', ...fields } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect(paths(response.body)).toContain(path);
    expect(countRows(t, 'users')).toBe(0);
  });

  it('refuses an unknown field, naming it', async () => {
    const response = await t.request('POST', users, { body: { userKey: 'u1', nickname: 'Ada' } });
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields).toContainEqual({
      path: '/',
      message: "unknown property 'nickname'",
    });
  });

  it('reports every schema-valid but impossible field at once', async () => {
    const response = await t.request('POST', users, {
      body: { userKey: 'u1', dateOfBirth: '2021-02-29', timezone: 'Mars/Olympus' },
    });
    expect(response.status).toBe(400);
    expect(paths(response.body)).toEqual(['/dateOfBirth', '/timezone']);
  });

  it.each([
    ['a number as userKey', { userKey: 123 }, '/userKey'],
    ['a boolean as userKey', { userKey: true }, '/userKey'],
    ['a number as firstName', { userKey: 'u1', firstName: 7 }, '/firstName'],
    ['a string as nationalities', { userKey: 'u1', nationalities: 'GB' }, '/nationalities'],
    ['an array as attributes', { userKey: 'u1', attributes: ['a'] }, '/attributes'],
  ])('never coerces types: %s is a 400', async (_label, body, path) => {
    const response = await t.request('POST', users, { body });
    expect(response.status).toBe(400);
    expect(paths(response.body)).toContain(path);
    expect(countRows(t, 'users')).toBe(0);
  });

  it('refuses a missing userKey and a body that is not JSON', async () => {
    const missing = await t.request('POST', users, { body: { email: 'a@example.com' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields).toContainEqual({
      path: '/',
      message: "missing property 'userKey'",
    });
    const broken = await t.request('POST', users, { body: '{"userKey": ' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('INVALID_BODY');
  });

  it('accepts a leap day and UTC', async () => {
    const response = await t.request('POST', users, {
      body: { userKey: 'leap', dateOfBirth: '2020-02-29', timezone: 'UTC' },
    });
    expect(response.status).toBe(201);
  });
});

describe('GET /users/{id} and /users/{externalId}/ext', () => {
  it('finds a user by id and by externalId; unknown ones are 404 USER_NOT_FOUND', async () => {
    const created = await t.request('POST', users, { body: { userKey: 'u1', externalId: 'e1' } });
    expect((await t.request('GET', `${users}/${created.body.id}`)).body.userKey).toBe('u1');
    expect((await t.request('GET', `${users}/e1/ext`)).body.id).toBe(created.body.id);

    const unknownId = await t.request('GET', `${users}/nope`);
    expect(unknownId.status).toBe(404);
    expect(unknownId.body.error.code).toBe('USER_NOT_FOUND');
    const unknownExt = await t.request('GET', `${users}/nope/ext`);
    expect(unknownExt.status).toBe(404);
    expect(unknownExt.body.error.code).toBe('USER_NOT_FOUND');
    // An externalId is not an id, nor the other way round.
    expect((await t.request('GET', `${users}/e1`)).status).toBe(404);
    expect((await t.request('GET', `${users}/${created.body.id}/ext`)).status).toBe(404);
  });

  it('answers 404 STORE_NOT_FOUND for a store that does not exist', async () => {
    for (const [method, url, body] of [
      ['GET', '/api/identity-store/stores/missing/users', undefined],
      ['GET', '/api/identity-store/stores/missing/users/x', undefined],
      ['GET', '/api/identity-store/stores/missing/users/x/ext', undefined],
      ['POST', '/api/identity-store/stores/missing/users', { userKey: 'u1' }],
      ['PATCH', '/api/identity-store/stores/missing/users/x', { email: null }],
      ['DELETE', '/api/identity-store/stores/missing/users/x', undefined],
      ['GET', '/api/identity-store/stores/missing/users/x/passkeys', undefined],
    ] as const) {
      const response = await t.request(method, url, body === undefined ? {} : { body });
      expect([method, url, response.status, response.body.error.code]).toEqual([
        method,
        url,
        404,
        'STORE_NOT_FOUND',
      ]);
    }
    expect(countRows(t, 'users')).toBe(0);
  });
});

describe('PATCH /users/{id}', () => {
  it('changes only the fields given, and null clears a field', async () => {
    const created = await t.request('POST', users, { body: everyAttribute });
    t.clock.now += 60_000;
    const patched = await t.request('PATCH', `${users}/${created.body.id}`, {
      body: { firstName: 'Augusta Ada', email: null, locale: null, attributes: { a: 'b' } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({
      ...created.body,
      firstName: 'Augusta Ada',
      email: null,
      locale: null,
      attributes: { a: 'b' },
      updatedAt: '2026-01-01T00:01:00.000Z',
    });
    expect((await t.request('GET', `${users}/${created.body.id}`)).body).toEqual(patched.body);
  });

  it('can change userKey and externalId, and refuses ones another user has with 409', async () => {
    const a = await t.request('POST', users, { body: { userKey: 'a', externalId: 'ext-a' } });
    const b = await t.request('POST', users, { body: { userKey: 'b', externalId: 'ext-b' } });

    const takenExt = await t.request('PATCH', `${users}/${b.body.id}`, {
      body: { externalId: 'ext-a' },
    });
    expect(takenExt.status).toBe(409);
    expect(takenExt.body.error.code).toBe('EXT_ID_NOT_UNIQUE');
    const takenKey = await t.request('PATCH', `${users}/${b.body.id}`, { body: { userKey: 'a' } });
    expect(takenKey.status).toBe(409);
    expect(takenKey.body.error.code).toBe('USER_KEY_NOT_UNIQUE');
    expect((await t.request('GET', `${users}/${b.body.id}`)).body).toEqual(b.body);

    const renamed = await t.request('PATCH', `${users}/${a.body.id}`, {
      body: { userKey: 'a2', externalId: 'ext-a2' },
    });
    expect(renamed.status).toBe(200);
    expect((await t.request('GET', `${users}/ext-a2/ext`)).body.id).toBe(a.body.id);
    expect((await t.request('GET', `${users}/ext-a/ext`)).status).toBe(404);
  });

  it('validates a patch like a create, and refuses null for fields that cannot be cleared', async () => {
    const created = await t.request('POST', users, { body: { userKey: 'u1' } });
    const url = `${users}/${created.body.id}`;
    for (const [body, path] of [
      [{ dateOfBirth: '2020-02-30' }, '/dateOfBirth'],
      [{ timezone: 'Mars/Olympus' }, '/timezone'],
      [{ status: 'ACTIVATED' }, '/status'],
      [{ status: null }, '/status'],
      [{ userKey: null }, '/userKey'],
      [{ externalId: null }, '/externalId'],
      [{ nickname: 'x' }, '/'],
    ] as const) {
      const response = await t.request('PATCH', url, { body });
      expect([JSON.stringify(body), response.status, paths(response.body)]).toEqual([
        JSON.stringify(body),
        400,
        expect.arrayContaining([path]),
      ]);
    }
    expect((await t.request('GET', url)).body).toEqual(created.body);
  });

  it('answers 404 USER_NOT_FOUND for an unknown user', async () => {
    const response = await t.request('PATCH', `${users}/nope`, { body: { email: null } });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('USER_NOT_FOUND');
  });
});

describe('DELETE /users/{id}', () => {
  it('deletes the user and their passkeys: 204, then 404', async () => {
    const created = await t.request('POST', users, { body: { userKey: 'u1' } });
    const userId = created.body.id;
    const started = await t.request('POST', startUrl(userId), { body: {} });
    const clientResponse = createSoftAuthenticator().createCredential(started.body.clientRequest);
    const completed = await t.request('POST', sessionUrl(started.body.sessionId), {
      body: { clientResponse },
    });
    expect(completed.status).toBe(200);
    expect((await t.request('GET', `${users}/${userId}/passkeys`)).body.items).toHaveLength(1);
    const other = await t.request('POST', users, { body: { userKey: 'keep-me' } });

    const deleted = await t.request('DELETE', `${users}/${userId}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();

    expect((await t.request('GET', `${users}/${userId}`)).status).toBe(404);
    const passkeys = await t.request('GET', `${users}/${userId}/passkeys`);
    expect(passkeys.status).toBe(404);
    expect(passkeys.body.error.code).toBe('USER_NOT_FOUND');
    expect(countRows(t, 'passkeys')).toBe(0);
    expect(countRows(t, 'user_handles')).toBe(0);
    expect((await t.request('GET', `${users}/${other.body.id}`)).status).toBe(200);

    const again = await t.request('DELETE', `${users}/${userId}`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('USER_NOT_FOUND');
  });

  it('frees the userKey and externalId of a deleted user', async () => {
    const created = await t.request('POST', users, { body: { userKey: 'u1', externalId: 'e1' } });
    await t.request('DELETE', `${users}/${created.body.id}`);
    const again = await t.request('POST', users, { body: { userKey: 'u1', externalId: 'e1' } });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(created.body.id);
  });
});

describe('GET /users (paging)', () => {
  beforeEach(async () => {
    for (let i = 0; i < 45; i++) {
      const response = await t.request('POST', users, {
        body: { userKey: `user-${String(i).padStart(2, '0')}` },
      });
      if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    }
  });

  it('pages from 0 in creation order with the total', async () => {
    const first = await t.request('GET', `${users}?page=0&size=20`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 0, size: 20, total: 45 });
    expect(first.body.items).toHaveLength(20);
    expect(first.body.items[0].userKey).toBe('user-00');

    const last = await t.request('GET', `${users}?page=2&size=20`);
    expect(last.body).toMatchObject({ page: 2, size: 20, total: 45 });
    expect(last.body.items.map((u: { userKey: string }) => u.userKey)).toEqual([
      'user-40',
      'user-41',
      'user-42',
      'user-43',
      'user-44',
    ]);

    const beyond = await t.request('GET', `${users}?page=3&size=20`);
    expect(beyond.body).toMatchObject({ items: [], total: 45 });

    const all = await t.request('GET', `${users}?size=200`);
    expect(all.body.items).toHaveLength(45);
    expect(new Set(all.body.items.map((u: { id: string }) => u.id)).size).toBe(45);
  });

  it('defaults to page 0, size 20', async () => {
    const response = await t.request('GET', users);
    expect(response.body).toMatchObject({ page: 0, size: 20, total: 45 });
    expect(response.body.items).toHaveLength(20);
  });

  it.each([
    ['size=201'],
    ['size=0'],
    ['page=-1'],
    ['page=abc'],
    ['size=1.5'],
    ['size=020'],
    ['sort=userKey'],
  ])('refuses %s with 400', async (query) => {
    const response = await t.request('GET', `${users}?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect(response.body.error.details.fields[0].path).toMatch(/^querystring:/);
  });
});

describe('tenant isolation', () => {
  let acmeToken: string;
  beforeEach(async () => {
    expect((await t.request('POST', '/api/tenants', { body: { id: 'acme' } })).status).toBe(201);
    const token = await t.request('POST', '/api/tenants/acme/tokens', {
      body: { name: 'acme admin', permissions: ['TNT#acme#IdentityStore:*'] },
    });
    expect(token.status).toBe(201);
    acmeToken = token.body.token;
  });

  it('keeps users of one tenant invisible to another, both ways', async () => {
    const acmeUser = await t.request('POST', users, {
      body: { userKey: 'wile', externalId: 'acme-1' },
      token: acmeToken,
    });
    expect(acmeUser.status).toBe(201);
    const defaultUser = await t.request('POST', users, {
      body: { userKey: 'wile', externalId: 'acme-1' },
    });
    expect(defaultUser.status).toBe(201); // same keys, other tenant: no conflict

    // default tenant (root token, no X-Tenant-Id) cannot see or touch acme's user...
    for (const [method, url] of [
      ['GET', `${users}/${acmeUser.body.id}`],
      ['PATCH', `${users}/${acmeUser.body.id}`],
      ['DELETE', `${users}/${acmeUser.body.id}`],
      ['GET', `${users}/${acmeUser.body.id}/passkeys`],
    ] as const) {
      const response = await t.request(
        method,
        url,
        method === 'PATCH' ? { body: { type: 'x' } } : {},
      );
      expect([method, response.status, response.body.error.code]).toEqual([
        method,
        404,
        'USER_NOT_FOUND',
      ]);
    }
    expect((await t.request('GET', `${users}/acme-1/ext`)).body.id).toBe(defaultUser.body.id);
    // ...and acme cannot see default's.
    const fromAcme = await t.request('GET', `${users}/${defaultUser.body.id}`, {
      token: acmeToken,
    });
    expect(fromAcme.status).toBe(404);
    expect(fromAcme.body.error.code).toBe('USER_NOT_FOUND');
    const acmeList = await t.request('GET', users, { token: acmeToken });
    expect(acmeList.body.items.map((u: { id: string }) => u.id)).toEqual([acmeUser.body.id]);
    const defaultList = await t.request('GET', users);
    expect(defaultList.body.items.map((u: { id: string }) => u.id)).toEqual([defaultUser.body.id]);

    // A root token reaches acme only by naming it.
    const asRoot = await t.request('GET', `${users}/${acmeUser.body.id}`, {
      headers: { 'x-tenant-id': 'acme' },
    });
    // The PATCH and DELETE from the other tenant above changed nothing.
    expect(asRoot.status).toBe(200);
    expect(asRoot.body).toEqual(acmeUser.body);
  });

  it('refuses a tenant token that asks for another tenant', async () => {
    const response = await t.request('GET', users, {
      token: acmeToken,
      headers: { 'x-tenant-id': 'default' },
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('PERMISSION_DENIED');
  });

  it('needs the matching permission: a read-only token cannot create users', async () => {
    const readOnly = await t.request('POST', '/api/tenants/acme/tokens', {
      body: { name: 'reader', permissions: ['TNT#acme#IdentityStore:readUser'] },
    });
    const token = readOnly.body.token;
    expect((await t.request('GET', users, { token })).status).toBe(200);
    const create = await t.request('POST', users, { body: { userKey: 'x' }, token });
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe('PERMISSION_DENIED');
    expect(create.body.error.message).toContain('TNT#acme#IdentityStore:createUser');
  });

  it('answers 401 without a token or with an unknown one', async () => {
    const none = await t.request('GET', users, { token: null });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('TOKEN_INVALID');
    const unknown = await t.request('GET', users, { token: 'kf_this-token-does-not-exist' });
    expect(unknown.status).toBe(401);
  });
});
