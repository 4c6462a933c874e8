import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';
import {
  countRows,
  sessionUrl,
  startForNewUser,
  startUrl,
  store,
} from '../support/registrationHelpers';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

describe('passkey registration, happy path', () => {
  it.each([
    ['none', -7],
    ['none', -257],
    ['packed', -7],
    ['packed', -257],
  ] as const)(
    'registers a %s attestation with algorithm %i and lists the passkey',
    async (format, algorithm) => {
      const { user, session } = await startForNewUser(t);
      expect(session.status).toBe('PENDING');
      expect(session.sessionId).toMatch(/^[A-Za-z0-9_-]{22,}$/);
      expect(session.clientRequest.rp.id).toBe('localhost');
      expect(session.clientRequest.authenticatorSelection.userVerification).toBe('required');

      const authenticator = createSoftAuthenticator({ format, algorithm });
      const clientResponse = authenticator.createCredential(session.clientRequest);
      const completed = await t.request('POST', sessionUrl(session.sessionId), {
        body: { clientResponse },
      });
      expect(completed.status).toBe(200);
      expect(completed.body.status).toBe('COMPLETED');
      expect(completed.body.passkey.credentialId).toBe(clientResponse.id);
      expect(completed.body.passkey.userId).toBe(user.id);

      const listed = await t.request('GET', `${store}/users/${user.id}/passkeys`);
      expect(listed.body.items).toHaveLength(1);
      const stored = t.storage.sqlite.prepare('select public_key from passkeys').get() as {
        public_key: string;
      };
      expect(stored.public_key).toMatch(/^[A-Za-z0-9_-]+$/);
      // Public keys are public (DESIGN §4): the view shows the stored COSE key and its alg.
      expect(listed.body.items[0]).toMatchObject({ publicKey: stored.public_key, alg: algorithm });
    },
  );

  it('creates the user only when a createUser registration completes', async () => {
    const started = await t.request('POST', startUrl('ext-42', { ext: true }), {
      body: { createUser: true, userName: 'ada', userDisplayName: 'Ada Lovelace' },
    });
    expect(started.status).toBe(201);
    expect(countRows(t, 'users')).toBe(0);
    expect(started.body.clientRequest.user.name).toBe('ada');

    const clientResponse = createSoftAuthenticator().createCredential(started.body.clientRequest);
    const completed = await t.request('POST', sessionUrl(started.body.sessionId), {
      body: { clientResponse },
    });
    expect(completed.status).toBe(200);
    const user = await t.request('GET', `${store}/users/ext-42/ext`);
    expect(user.status).toBe(200);
    expect(user.body.userKey).toBe('ada');
    expect(user.body.id).toBe(completed.body.passkey.userId);
  });
});
