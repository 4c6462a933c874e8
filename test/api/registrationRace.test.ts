import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';
import { countRows, startUrl } from '../support/registrationHelpers';
import { complete, createUserIn, readSession, startSession } from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

describe('concurrent completes of one session', () => {
  it('lets exactly one of 20 different valid responses through', async () => {
    const { sessionId, session } = await startSession(t);
    const responses = Array.from({ length: 20 }, () =>
      createSoftAuthenticator().createCredential(session.clientRequest),
    );
    const replies = await Promise.all(responses.map((r) => complete(t, sessionId, r)));

    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const reply of replies.filter((r) => r.status === 409)) {
      expect(['SESSION_BUSY', 'SESSION_ALREADY_COMPLETED']).toContain(reply.body.error.code);
    }
    expect(countRows(t, 'passkeys')).toBe(1);

    const winner = replies.find((r) => r.status === 200)!;
    const winnerIndex = replies.indexOf(winner);
    expect(winner.body.passkey.credentialId).toBe(responses[winnerIndex]!.id);
    const view = await readSession(t, sessionId);
    expect(view).toMatchObject({ status: 'COMPLETED', attempts: 0 });
    expect(view.passkey.id).toBe(winner.body.passkey.id);
  });

  it('answers 20 concurrent identical resends of a completed response with the same passkey', async () => {
    const { sessionId, session } = await startSession(t);
    const clientResponse = createSoftAuthenticator().createCredential(session.clientRequest);
    const first = await complete(t, sessionId, clientResponse);
    expect(first.status).toBe(200);

    const replies = await Promise.all(
      Array.from({ length: 20 }, () => complete(t, sessionId, clientResponse)),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(replies.map((r) => r.body.passkey.id))).toEqual(
      new Set([first.body.passkey.id]),
    );
    expect(countRows(t, 'passkeys')).toBe(1);
  });
});

describe('other races', () => {
  it('creates one user when 20 responses race for a createUser session', async () => {
    const started = await t.request('POST', startUrl('ext-race', { ext: true }), {
      body: { createUser: true, userName: 'racer' },
    });
    expect(started.status).toBe(201);
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        complete(
          t,
          started.body.sessionId,
          createSoftAuthenticator().createCredential(started.body.clientRequest),
        ),
      ),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(19);
    expect({ users: countRows(t, 'users'), passkeys: countRows(t, 'passkeys') }).toEqual({
      users: 1,
      passkeys: 1,
    });
  });

  it('issues one user handle to 20 concurrent first starts for the same user', async () => {
    const user = await createUserIn(t);
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => t.request('POST', startUrl(user.id), { body: {} })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(replies.map((r) => r.body.clientRequest.user.id)).size).toBe(1);
  });
});
