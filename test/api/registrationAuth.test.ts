import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type Json, type TestApp } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';
import { countRows, sessionUrl, startUrl } from '../support/registrationHelpers';
import {
  complete,
  createTenant,
  createUserIn,
  expectError,
  readSession,
  startSession,
} from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const byId = 'TNT#default#IdentityStore:createPasskeyRegistrationForUser';
const byExt = 'TNT#default#IdentityStore:createPasskeyRegistrationForUserByExtId';

async function issueToken(
  permissions: string[],
  { tenant = 'default', expiresAt }: { tenant?: string; expiresAt?: string } = {},
) {
  const reply = await t.request('POST', `/api/tenants/${tenant}/tokens`, {
    body: { name: 'test', permissions, ...(expiresAt ? { expiresAt } : {}) },
  });
  if (reply.status !== 201) throw new Error(`token not issued: ${JSON.stringify(reply.body)}`);
  return reply.body.token as string;
}

/** An existing user (by id and by externalId) to start registrations for. */
async function subject() {
  const user = await createUserIn(
    t,
    {},
    { externalId: `ext-${Math.random().toString(36).slice(2, 8)}` },
  );
  return { idUrl: startUrl(user.id), extUrl: startUrl(user.externalId, { ext: true }) };
}

describe('authentication', () => {
  it('answers 401 TOKEN_INVALID without a token, with an unknown one and a malformed header', async () => {
    const { sessionId } = await startSession(t);
    const { idUrl } = await subject();
    const sessions = countRows(t, 'registration_sessions');
    const calls: [Json, string][] = [
      ['POST', idUrl],
      ['GET', sessionUrl(sessionId)],
      ['POST', sessionUrl(sessionId)],
      ['POST', `${sessionUrl(sessionId)}/cancel`],
    ];
    for (const [method, url] of calls) {
      expectError(await t.request(method, url, { token: null, body: {} }), 401, 'TOKEN_INVALID');
      expectError(
        await t.request(method, url, { token: `kf_${'A'.repeat(43)}`, body: {} }),
        401,
        'TOKEN_INVALID',
      );
      const basic = await t.request(method, url, {
        token: null,
        body: {},
        headers: { authorization: 'Basic dXNlcjpwYXNz' },
      });
      expectError(basic, 401, 'TOKEN_INVALID');
    }
    expect(countRows(t, 'registration_sessions')).toBe(sessions);
    expect((await readSession(t, sessionId)).status).toBe('PENDING');
  });

  it('refuses a token once its expiresAt has passed', async () => {
    const expiresAt = new Date(t.clock.now + 60_000).toISOString();
    const token = await issueToken([byId], { expiresAt });
    const { idUrl } = await subject();
    expect((await t.request('POST', idUrl, { token, body: {} })).status).toBe(201);
    t.clock.now += 60_000;
    expectError(await t.request('POST', idUrl, { token, body: {} }), 401, 'TOKEN_INVALID');
  });
});

describe('permissions', () => {
  it('lets a by-id token start by id only, and a by-externalId token start by externalId only', async () => {
    const { idUrl, extUrl } = await subject();
    const idToken = await issueToken([byId]);
    const extToken = await issueToken([byExt]);
    expect((await t.request('POST', idUrl, { token: idToken, body: {} })).status).toBe(201);
    expect((await t.request('POST', extUrl, { token: extToken, body: {} })).status).toBe(201);
    const sessions = countRows(t, 'registration_sessions');
    expectError(
      await t.request('POST', extUrl, { token: idToken, body: {} }),
      403,
      'PERMISSION_DENIED',
    );
    expectError(
      await t.request('POST', idUrl, { token: extToken, body: {} }),
      403,
      'PERMISSION_DENIED',
    );
    expect(countRows(t, 'registration_sessions')).toBe(sessions);
  });

  it('lets either permission read, complete and cancel', async () => {
    const idToken = await issueToken([byId]);
    const extToken = await issueToken([byExt]);
    for (const [starter, finisher] of [
      [idToken, extToken],
      [extToken, idToken],
    ] as const) {
      const { idUrl, extUrl } = await subject();
      const url = starter === idToken ? idUrl : extUrl;
      const first = await t.request('POST', url, { token: starter, body: {} });
      expect(first.status).toBe(201);
      const read = await t.request('GET', sessionUrl(first.body.sessionId), { token: finisher });
      expect(read.status).toBe(200);
      const clientResponse = createSoftAuthenticator().createCredential(first.body.clientRequest);
      expect(
        (await complete(t, first.body.sessionId, clientResponse, { token: finisher })).status,
      ).toBe(200);

      const second = await t.request('POST', url, { token: starter, body: {} });
      const cancelled = await t.request('POST', `${sessionUrl(second.body.sessionId)}/cancel`, {
        token: finisher,
      });
      expect(cancelled.body.status).toBe('CANCELLED');
    }
  });

  it.each([['TNT#default#IdentityStore:*'], ['TNT#default#*']])(
    'grants everything with %s',
    async (permission) => {
      const token = await issueToken([permission]);
      const { idUrl, extUrl } = await subject();
      const started = await t.request('POST', idUrl, { token, body: {} });
      expect(started.status).toBe(201);
      expect((await t.request('POST', extUrl, { token, body: {} })).status).toBe(201);
      expect((await t.request('GET', sessionUrl(started.body.sessionId), { token })).status).toBe(
        200,
      );
    },
  );

  it.each([
    ['a misspelt area', 'TNT#default#IdentityStor:createPasskeyRegistrationForUser'],
    ['a prefix of the area', 'TNT#default#Identity:*'],
    ['a prefix of the action', 'TNT#default#IdentityStore:createPasskeyRegistration'],
    ['another case', 'TNT#default#identitystore:*'],
    ['another area', 'TNT#default#Admin:*'],
  ])('does not grant with %s', async (_, permission) => {
    const token = await issueToken([permission]);
    const { sessionId } = await startSession(t);
    const { idUrl, extUrl } = await subject();
    const sessions = countRows(t, 'registration_sessions');
    expectError(await t.request('POST', idUrl, { token, body: {} }), 403, 'PERMISSION_DENIED');
    expectError(await t.request('POST', extUrl, { token, body: {} }), 403, 'PERMISSION_DENIED');
    expectError(await t.request('GET', sessionUrl(sessionId), { token }), 403, 'PERMISSION_DENIED');
    expectError(
      await t.request('POST', `${sessionUrl(sessionId)}/cancel`, { token }),
      403,
      'PERMISSION_DENIED',
    );
    expect(countRows(t, 'registration_sessions')).toBe(sessions);
    expect((await readSession(t, sessionId)).status).toBe('PENDING');
  });

  it.each([
    ['TNT#default#Identity'],
    ['TNT#default#IdentityStore'],
    ['TNT#default#'],
    ['IdentityStore:*'],
    ['tnt#default#IdentityStore:*'],
    ['TNT#default#IdentityStore:*:*'],
    ['TNT#default#IdentityStore:create-passkey'],
    ['TNT#acme#IdentityStore:*'],
    ['TNT#*#IdentityStore:*'],
    [''],
  ])('refuses to issue a token with permission %j', async (permission) => {
    const tokens = t.storage.identity.read().tokens.length;
    const reply = await t.request('POST', '/api/tenants/default/tokens', {
      body: { name: 'bad', permissions: [byId, permission] },
    });
    expectError(reply, 400, 'INVALID_INPUT');
    expect(reply.body.error.details.fields).toContainEqual(
      expect.objectContaining({ path: '/permissions/1' }),
    );
    expect(t.storage.identity.read().tokens.length).toBe(tokens);
  });
});

describe('tenants', () => {
  it("keeps another tenant's token away from default's sessions", async () => {
    await createTenant(t, 'acme');
    const token = await issueToken(['TNT#acme#*'], { tenant: 'acme' });
    const { sessionId, session } = await startSession(t);
    const clientResponse = createSoftAuthenticator().createCredential(session.clientRequest);
    const url = sessionUrl(sessionId);

    expectError(await t.request('GET', url, { token }), 404, 'SESSION_NOT_FOUND');
    expectError(await complete(t, sessionId, clientResponse, { token }), 404, 'SESSION_NOT_FOUND');
    expectError(await t.request('POST', `${url}/cancel`, { token }), 404, 'SESSION_NOT_FOUND');

    const asDefault = { token, headers: { 'x-tenant-id': 'default' } };
    expectError(await t.request('GET', url, asDefault), 403, 'PERMISSION_DENIED');
    expectError(
      await complete(t, sessionId, clientResponse, { token, tenant: 'default' }),
      403,
      'PERMISSION_DENIED',
    );
    expectError(await t.request('POST', `${url}/cancel`, asDefault), 403, 'PERMISSION_DENIED');

    expect(countRows(t, 'passkeys')).toBe(0);
    expect(await readSession(t, sessionId)).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect((await complete(t, sessionId, clientResponse)).status).toBe(200);
  });
});
