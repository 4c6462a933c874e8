import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeExpiredSessions } from '../../identity/purgeExpiredSessions';
import {
  authSessionUrl,
  authStartUrl,
  completeSignIn,
  passkeyRow,
  startSignIn,
  userWithPasskey,
} from '../support/authenticationHelpers';
import { buildTestApp, type TestApp, testOrigin } from '../support/buildTestApp';
import { store } from '../support/registrationHelpers';
import { createTenant, expectError } from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const sessionRows = () =>
  (
    t.storage.sqlite.prepare('select count(*) as n from authentication_sessions').get() as {
      n: number;
    }
  ).n;

async function putPolicies(authenticationPolicies: Record<string, unknown>) {
  const reply = await t.request('PUT', '/api/identity-store/passkeys/relyingParties/localhost', {
    body: {
      name: 'RP',
      origins: [testOrigin],
      registrationPolicies: { default: {} },
      authenticationPolicies,
    },
  });
  expect(reply.status).toBe(200);
}

describe('sign-in session lifecycle', () => {
  it('20 parallel completes of one session: exactly one 200, the rest 409', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const session = await startSignIn(t, user.id);
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        completeSignIn(t, session.sessionId, authenticator.getAssertion(session.clientRequest)),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(passkeyRow(t, passkey.id).possibly_cloned).toBe(0);
  });

  it('an identical resend to a COMPLETED session returns the same result; another is 409', async () => {
    const { user, authenticator } = await userWithPasskey(t);
    const session = await startSignIn(t, user.id);
    const assertion = authenticator.getAssertion(session.clientRequest);
    const first = await completeSignIn(t, session.sessionId, assertion);
    t.clock.now += 1_000;
    const again = await completeSignIn(t, session.sessionId, assertion);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const other = await completeSignIn(
      t,
      session.sessionId,
      authenticator.getAssertion(session.clientRequest),
    );
    expectError(other, 409, 'SESSION_ALREADY_COMPLETED');
  });

  it('expires after the policy timeout: 410, nothing changed, then 404 once purged', async () => {
    await putPolicies({ default: {}, quick: { timeoutSeconds: 30 } });
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const session = await startSignIn(t, user.id, { policy: 'quick' });
    expect(session.clientRequest.timeout).toBe(30_000);
    expect(Date.parse(session.expiresAt)).toBe(t.clock.now + 30_000);
    t.clock.now += 30_000;
    const before = passkeyRow(t, passkey.id);
    expectError(
      await completeSignIn(t, session.sessionId, authenticator.getAssertion(session.clientRequest)),
      410,
      'SESSION_EXPIRED',
    );
    expect(passkeyRow(t, passkey.id)).toEqual(before);
    expect((await t.request('GET', authSessionUrl(session.sessionId))).body.status).toBe('EXPIRED');
    t.clock.now += 2 * 3_600_000;
    await purgeExpiredSessions(t.app.deps);
    expectError(
      await t.request('GET', authSessionUrl(session.sessionId)),
      404,
      'SESSION_NOT_FOUND',
    );
  });

  it('cancels a pending session; a later complete is 409 SESSION_CANCELLED', async () => {
    const { user, authenticator } = await userWithPasskey(t);
    const session = await startSignIn(t, user.id);
    const cancelled = await t.request('POST', `${authSessionUrl(session.sessionId)}/cancel`, {
      body: { reason: 'user' },
    });
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', failureCode: 'CANCELLED:user' });
    expectError(
      await completeSignIn(t, session.sessionId, authenticator.getAssertion(session.clientRequest)),
      409,
      'SESSION_CANCELLED',
    );
  });

  it('fails the session after maxAttempts refusals; then even a valid assertion is 409', async () => {
    await putPolicies({ default: { maxAttempts: 2 } });
    const { user, authenticator } = await userWithPasskey(t);
    const session = await startSignIn(t, user.id);
    for (let i = 0; i < 2; i++) {
      const bad = authenticator.getAssertion(session.clientRequest, {
        origin: 'https://evil.example',
      });
      expectError(await completeSignIn(t, session.sessionId, bad), 400, 'ORIGIN_NOT_ALLOWED');
    }
    expect((await t.request('GET', authSessionUrl(session.sessionId))).body).toMatchObject({
      status: 'FAILED',
      attempts: 2,
    });
    expectError(
      await completeSignIn(t, session.sessionId, authenticator.getAssertion(session.clientRequest)),
      409,
      'SESSION_FAILED',
    );
  });

  it("another store's or tenant's session is SESSION_NOT_FOUND, and stays usable", async () => {
    const { user, authenticator } = await userWithPasskey(t);
    const session = await startSignIn(t, user.id);
    await t.request('POST', '/api/identity-store/stores', { body: { name: 'other' } });
    const assertion = authenticator.getAssertion(session.clientRequest);
    expectError(
      await t.request('POST', authSessionUrl(session.sessionId, 'other'), {
        body: { clientResponse: assertion },
      }),
      404,
      'SESSION_NOT_FOUND',
    );
    await createTenant(t, 'acme');
    await t.request('POST', '/api/identity-store/stores', {
      body: { name: 'default' },
      headers: { 'x-tenant-id': 'acme' },
    });
    expectError(
      await completeSignIn(t, session.sessionId, assertion, { headers: { 'x-tenant-id': 'acme' } }),
      404,
      'SESSION_NOT_FOUND',
    );
    expect((await completeSignIn(t, session.sessionId, assertion)).status).toBe(200);
  });
});

describe('sign-in start refusals store nothing', () => {
  it.each([
    ['an unknown user', 'nobody', {}, 404, 'USER_NOT_FOUND'],
    ['an unknown policy', 'USER', { policy: 'nope' }, 404, 'POLICY_NOT_FOUND'],
    ['an unknown relying party', 'USER', { rpId: 'example.com' }, 404, 'RELYING_PARTY_NOT_FOUND'],
    ['an unknown store', 'USER', { storeName: 'nope' }, 404, 'STORE_NOT_FOUND'],
  ] as const)('refuses %s', async (_name, who, opts, status, code) => {
    const { user } = await userWithPasskey(t);
    const reply = await t.request('POST', authStartUrl(who === 'USER' ? user.id : who, opts), {
      body: {},
    });
    expectError(reply, status, code);
    expect(sessionRows()).toBe(0);
  });

  it('refuses a user without a passkey for this RP: NO_PASSKEY', async () => {
    const created = await t.request('POST', `${store}/users`, { body: { userKey: 'nokey' } });
    expectError(
      await t.request('POST', authStartUrl(created.body.id), { body: {} }),
      404,
      'NO_PASSKEY',
    );
    expect(sessionRows()).toBe(0);
  });

  it('refuses a usernameless start when the policy forbids discoverable sign-in', async () => {
    await putPolicies({ default: { discoverable: 'forbidden' } });
    expectError(
      await t.request('POST', authStartUrl(null), { body: {} }),
      422,
      'DISCOVERABLE_NOT_ALLOWED',
    );
    expect(sessionRows()).toBe(0);
    const { user } = await userWithPasskey(t);
    expect((await t.request('POST', authStartUrl(user.id), { body: {} })).status).toBe(201);
  });

  it('refuses an unknown start body field and passes the hints on', async () => {
    await putPolicies({ default: { hints: ['security-key'] } });
    const { user } = await userWithPasskey(t);
    expectError(
      await t.request('POST', authStartUrl(user.id), { body: { challenge: 'x' } }),
      400,
      'INVALID_INPUT',
    );
    expect(sessionRows()).toBe(0);
    const started = await t.request('POST', authStartUrl(user.id));
    expect(started.status).toBe(201);
    expect(started.body.clientRequest.hints).toEqual(['security-key']);
  });
});
