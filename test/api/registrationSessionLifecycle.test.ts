import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeExpiredSessions } from '../../identity/purgeExpiredSessions';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';
import { countRows, sessionUrl, startUrl, store } from '../support/registrationHelpers';
import {
  complete,
  createTenant,
  expectError,
  putRelyingParty,
  readSession,
  snapshot,
  startSession,
} from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const respond = (clientRequest: unknown, overrides = {}) =>
  // biome-ignore lint/suspicious/noExplicitAny: options JSON straight from the API
  createSoftAuthenticator().createCredential(clientRequest as any, overrides);

describe('attempts', () => {
  it('fails the session after maxAttempts failed verifications; then even a valid response is 409', async () => {
    await putRelyingParty(t, { twice: { maxAttempts: 2 } });
    const { sessionId, session } = await startSession(t, { policy: 'twice' });
    const before = snapshot(t);
    const wrong = { challenge: 'AAAAAAAAAAAAAAAAAAAAAA' };

    expectError(
      await complete(t, sessionId, respond(session.clientRequest, wrong)),
      400,
      'CHALLENGE_MISMATCH',
    );
    expect(await readSession(t, sessionId)).toMatchObject({ status: 'PENDING', attempts: 1 });
    expectError(
      await complete(t, sessionId, respond(session.clientRequest, wrong)),
      400,
      'CHALLENGE_MISMATCH',
    );
    expect(await readSession(t, sessionId)).toMatchObject({ status: 'FAILED', attempts: 2 });

    expectError(
      await complete(t, sessionId, respond(session.clientRequest)),
      409,
      'SESSION_FAILED',
    );
    expect(snapshot(t)).toEqual(before);
    expect(await readSession(t, sessionId)).toMatchObject({ status: 'FAILED', attempts: 2 });
  });

  it('does not count a body the schema rejects', async () => {
    const { sessionId } = await startSession(t);
    const reply = await t.request('POST', sessionUrl(sessionId), {
      body: { clientResponse: { id: 'x' } },
    });
    expectError(reply, 400, 'INVALID_INPUT');
    expect(await readSession(t, sessionId)).toMatchObject({ status: 'PENDING', attempts: 0 });
  });
});

describe('expiry', () => {
  it('takes expiresAt and the ceremony timeout from the policy timeoutSeconds', async () => {
    await putRelyingParty(t, { minute: { timeoutSeconds: 60 } });
    const { session } = await startSession(t, { policy: 'minute' });
    expect(Date.parse(session.expiresAt)).toBe(t.clock.now + 60_000);
    expect(session.clientRequest.timeout).toBe(60_000);
    const { session: byDefault } = await startSession(t);
    expect(Date.parse(byDefault.expiresAt)).toBe(t.clock.now + 300_000);
  });

  it('answers 410 after expiry, stores nothing, and shows EXPIRED', async () => {
    const { sessionId, session } = await startSession(t);
    const clientResponse = respond(session.clientRequest);
    const before = snapshot(t);
    t.clock.now = Date.parse(session.expiresAt);

    expectError(await complete(t, sessionId, clientResponse), 410, 'SESSION_EXPIRED');
    expect(snapshot(t)).toEqual(before);
    expect((await readSession(t, sessionId)).status).toBe('EXPIRED');
    expectError(await t.request('POST', `${sessionUrl(sessionId)}/cancel`), 410, 'SESSION_EXPIRED');
  });

  it('answers 404 once the purge removed an expired session', async () => {
    const { sessionId, session } = await startSession(t);
    const clientResponse = respond(session.clientRequest);
    t.clock.now = Date.parse(session.expiresAt) + 1000;
    const deps = { records: t.storage.records, now: () => t.clock.now };
    expect(await purgeExpiredSessions(deps, { graceMs: 60_000 })).toBe(0);
    expectError(await complete(t, sessionId, clientResponse), 410, 'SESSION_EXPIRED');

    t.clock.now += 120_000;
    expect(await purgeExpiredSessions(deps, { graceMs: 60_000 })).toBe(1);
    expectError(await complete(t, sessionId, clientResponse), 404, 'SESSION_NOT_FOUND');
    expectError(await t.request('GET', sessionUrl(sessionId)), 404, 'SESSION_NOT_FOUND');
  });

  it('leaves no user behind when a createUser start is abandoned', async () => {
    const started = await t.request('POST', startUrl('ext-gone', { ext: true }), {
      body: { createUser: true, userName: 'gone' },
    });
    expect(started.status).toBe(201);
    expect(countRows(t, 'users')).toBe(0);
    t.clock.now = Date.parse(started.body.expiresAt) + 2 * 3_600_000;
    await purgeExpiredSessions({ records: t.storage.records, now: () => t.clock.now });
    expect(snapshot(t)).toEqual({ users: 0, passkeys: 0 });
    expectError(await t.request('GET', `${store}/users/ext-gone/ext`), 404, 'USER_NOT_FOUND');
  });
});

describe('cancel', () => {
  it('cancels a pending session; a later complete is 409 SESSION_CANCELLED', async () => {
    const { sessionId, session } = await startSession(t);
    const cancelled = await t.request('POST', `${sessionUrl(sessionId)}/cancel`, {
      body: { reason: 'user' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    const before = snapshot(t);
    expectError(
      await complete(t, sessionId, respond(session.clientRequest)),
      409,
      'SESSION_CANCELLED',
    );
    expect(snapshot(t)).toEqual(before);
    expect((await readSession(t, sessionId)).status).toBe('CANCELLED');
  });

  it.each([
    ['no body', undefined],
    ['an empty object', {}],
    ['a reason', { reason: 'user' }],
  ])('accepts %s', async (_, body) => {
    const { sessionId } = await startSession(t);
    const reply = await t.request(
      'POST',
      `${sessionUrl(sessionId)}/cancel`,
      body === undefined ? {} : { body },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('CANCELLED');
  });

  it('accepts an empty body sent with a JSON content type', async () => {
    const { sessionId } = await startSession(t);
    const reply = await t.app.inject({
      method: 'POST',
      url: `${sessionUrl(sessionId)}/cancel`,
      headers: { authorization: `Bearer ${t.rootToken}`, 'content-type': 'application/json' },
      payload: '',
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().status).toBe('CANCELLED');
  });

  it('rejects an unknown field and leaves the session pending', async () => {
    const { sessionId } = await startSession(t);
    const reply = await t.request('POST', `${sessionUrl(sessionId)}/cancel`, {
      body: { reason: 'user', why: 1 },
    });
    expectError(reply, 400, 'INVALID_INPUT');
    expect((await readSession(t, sessionId)).status).toBe('PENDING');
  });
});

describe('completed sessions', () => {
  it('answers an identical resend with the same result and keeps one passkey', async () => {
    const { sessionId, session } = await startSession(t);
    const clientResponse = respond(session.clientRequest);
    const first = await complete(t, sessionId, clientResponse);
    expect(first.status).toBe(200);
    const again = await complete(t, sessionId, clientResponse);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(countRows(t, 'passkeys')).toBe(1);
  });

  it('refuses a different valid response with 409 SESSION_ALREADY_COMPLETED', async () => {
    const { sessionId, session } = await startSession(t);
    expect((await complete(t, sessionId, respond(session.clientRequest))).status).toBe(200);
    const before = snapshot(t);
    const reply = await complete(t, sessionId, respond(session.clientRequest));
    expectError(reply, 409, 'SESSION_ALREADY_COMPLETED');
    expect(snapshot(t)).toEqual(before);
    expectError(
      await t.request('POST', `${sessionUrl(sessionId)}/cancel`),
      409,
      'SESSION_ALREADY_COMPLETED',
    );
  });
});

describe('unknown sessions look alike', () => {
  it('answers 404 for an unknown id, another tenant and another store, with the same body', async () => {
    const { sessionId, session } = await startSession(t);
    await createTenant(t, 'acme');
    const other = await t.request('POST', '/api/identity-store/stores', {
      body: { name: 'other' },
    });
    expect(other.status).toBe(201);
    const clientResponse = respond(session.clientRequest);
    const unknownId = 'AAAAAAAAAAAAAAAAAAAAAA';
    const cases: { url: string; id: string; headers: Record<string, string> }[] = [
      { url: sessionUrl(unknownId), id: unknownId, headers: {} },
      { url: sessionUrl(sessionId), id: sessionId, headers: { 'x-tenant-id': 'acme' } },
      { url: sessionUrl(sessionId, 'other'), id: sessionId, headers: {} },
    ];
    const bodies = [];
    for (const { url, id, headers } of cases) {
      for (const [method, suffix, body] of [
        ['GET', '', undefined],
        ['POST', '', { clientResponse }],
        ['POST', '/cancel', {}],
      ] as const) {
        const reply = await t.request(method, `${url}${suffix}`, { body, headers });
        expectError(reply, 404, 'SESSION_NOT_FOUND');
        bodies.push(JSON.stringify(reply.body).replaceAll(id, '<id>'));
      }
    }
    expect(new Set(bodies).size).toBe(1);
    // None of those touched the real session: it still completes.
    expect(await readSession(t, sessionId)).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect((await complete(t, sessionId, clientResponse)).status).toBe(200);
  });
});

describe('start', () => {
  it("lists the user's passkeys for that RP in excludeCredentials, not another RP's", async () => {
    const { user, sessionId, session } = await startSession(t);
    const clientResponse = respond(session.clientRequest);
    expect((await complete(t, sessionId, clientResponse)).status).toBe(200);
    const next = await t.request('POST', startUrl(user.id), { body: {} });
    expect(next.body.clientRequest.excludeCredentials).toEqual([
      expect.objectContaining({ id: clientResponse.id, type: 'public-key' }),
    ]);

    await putRelyingParty(t, {}, { rpId: 'example.com', origins: ['https://example.com'] });
    const elsewhere = await t.request('POST', startUrl(user.id, { rpId: 'example.com' }), {
      body: {},
    });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.clientRequest.excludeCredentials).toEqual([]);
  });

  it('keeps the user handle stable per user and RP across starts', async () => {
    const { user, session } = await startSession(t);
    const again = await t.request('POST', startUrl(user.id), { body: {} });
    expect(again.body.clientRequest.user.id).toBe(session.clientRequest.user.id);
    expect(
      (await complete(t, again.body.sessionId, respond(again.body.clientRequest))).status,
    ).toBe(200);
    const third = await t.request('POST', startUrl(user.id), { body: {} });
    expect(third.body.clientRequest.user.id).toBe(session.clientRequest.user.id);
    const { session: someoneElse } = await startSession(t);
    expect(someoneElse.clientRequest.user.id).not.toBe(session.clientRequest.user.id);
  });

  it('accepts a given base64url user handle of up to 64 bytes and refuses others', async () => {
    const fits = Buffer.alloc(64, 1).toString('base64url');
    const user = await t.request('POST', `${store}/users`, { body: { userKey: 'handles' } });
    const ok = await t.request('POST', startUrl(user.body.id), { body: { userHandle: fits } });
    expect(ok.status).toBe(201);
    expect(ok.body.clientRequest.user.id).toBe(fits);

    const before = countRows(t, 'registration_sessions');
    const other = Buffer.alloc(16, 2).toString('base64url');
    for (const userHandle of [Buffer.alloc(65, 1).toString('base64url'), 'a+b/c=', '', other]) {
      const reply = await t.request('POST', startUrl(user.body.id), { body: { userHandle } });
      expectError(reply, 400, 'INVALID_INPUT');
    }
    expect(countRows(t, 'registration_sessions')).toBe(before);
  });

  it('refuses createUser for an existing externalId with 409 and writes nothing', async () => {
    const user = await t.request('POST', `${store}/users`, {
      body: { userKey: 'taken', externalId: 'ext-taken' },
    });
    expect(user.status).toBe(201);
    const before = { ...snapshot(t), sessions: countRows(t, 'registration_sessions') };
    const reply = await t.request('POST', startUrl('ext-taken', { ext: true }), {
      body: { createUser: true },
    });
    expectError(reply, 409, 'EXT_ID_NOT_UNIQUE');
    expect({ ...snapshot(t), sessions: countRows(t, 'registration_sessions') }).toEqual(before);
  });
});

describe('a claim left behind by a crash', () => {
  it('is taken over once stale, so the session can still complete', async () => {
    const { sessionId, session } = await startSession(t);
    // What a process killed mid-verification leaves: VERIFYING, claimed at the time of the crash.
    t.storage.sqlite
      .prepare("update registration_sessions set state = 'VERIFYING', updated_at = ? where id = ?")
      .run(new Date(t.clock.now).toISOString(), sessionId);
    const clientResponse = respond(session.clientRequest);
    expectError(await complete(t, sessionId, clientResponse), 409, 'SESSION_BUSY');
    t.clock.now += 31_000;
    const completed = await complete(t, sessionId, clientResponse);
    expect(completed.status).toBe(200);
    expect(completed.body.status).toBe('COMPLETED');
  });
});
