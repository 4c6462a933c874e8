import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authSessionUrl,
  completeSignIn,
  passkeyRow,
  startSignIn,
  userWithPasskey,
} from '../support/authenticationHelpers';
import { buildTestApp, type TestApp, testOrigin } from '../support/buildTestApp';
import { store } from '../support/registrationHelpers';
import { expectError } from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

async function withPolicy(onCounterRegression: 'refuse' | 'flag') {
  await t.request('PUT', '/api/identity-store/passkeys/relyingParties/localhost', {
    body: {
      name: 'RP',
      origins: [testOrigin],
      registrationPolicies: { default: {} },
      authenticationPolicies: { default: { onCounterRegression } },
    },
  });
}

describe('signature counter (WebAuthn L3 §7.2 step 21)', () => {
  it('accepts an increasing counter and stores it', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    for (const expected of [1, 2, 7]) {
      const session = await startSignIn(t, user.id);
      const overrides = expected === 7 ? { counter: 7 } : {};
      const reply = await completeSignIn(
        t,
        session.sessionId,
        authenticator.getAssertion(session.clientRequest, overrides),
      );
      expect(reply.status).toBe(200);
      expect(passkeyRow(t, passkey.id).counter).toBe(expected);
    }
  });

  it('accepts an authenticator without a counter (always zero)', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    for (let i = 0; i < 2; i++) {
      const session = await startSignIn(t, user.id);
      const reply = await completeSignIn(
        t,
        session.sessionId,
        authenticator.getAssertion(session.clientRequest, { counter: 0 }),
      );
      expect(reply.status).toBe(200);
    }
    expect(passkeyRow(t, passkey.id)).toMatchObject({ counter: 0, possibly_cloned: 0 });
  });

  it('refuses a counter that goes back, flags the passkey, and keeps the session usable', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const first = await startSignIn(t, user.id);
    await completeSignIn(
      t,
      first.sessionId,
      authenticator.getAssertion(first.clientRequest, { counter: 5 }),
    );
    const session = await startSignIn(t, user.id);
    for (const counter of [5, 3]) {
      const reply = await completeSignIn(
        t,
        session.sessionId,
        authenticator.getAssertion(session.clientRequest, { counter }),
      );
      expectError(reply, 400, 'COUNTER_REGRESSION');
    }
    const row = passkeyRow(t, passkey.id);
    expect(row).toMatchObject({ counter: 5, possibly_cloned: 1 });
    const listed = await t.request('GET', `${store}/users/${user.id}/passkeys`);
    expect(listed.body.items[0].possiblyCloned).toBe(true);
    const read = await t.request('GET', authSessionUrl(session.sessionId));
    expect(read.body).toMatchObject({ status: 'PENDING', attempts: 2 });
    // The real authenticator, counting on, still signs in with the same session.
    const ok = await completeSignIn(
      t,
      session.sessionId,
      authenticator.getAssertion(session.clientRequest, { counter: 6 }),
    );
    expect(ok.status).toBe(200);
  });

  it('flags nothing for a regressed counter whose signature does not verify', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const first = await startSignIn(t, user.id);
    await completeSignIn(
      t,
      first.sessionId,
      authenticator.getAssertion(first.clientRequest, { counter: 5 }),
    );
    const session = await startSignIn(t, user.id);
    const { generateKeyPairSync } = await import('node:crypto');
    const forged = authenticator.getAssertion(session.clientRequest, {
      counter: 1,
      signingKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
    });
    expectError(await completeSignIn(t, session.sessionId, forged), 400, 'SIGNATURE_INVALID');
    expect(passkeyRow(t, passkey.id).possibly_cloned).toBe(0);
  });

  it("with onCounterRegression 'flag' accepts the sign-in and flags the passkey", async () => {
    await withPolicy('flag');
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const first = await startSignIn(t, user.id);
    await completeSignIn(
      t,
      first.sessionId,
      authenticator.getAssertion(first.clientRequest, { counter: 9 }),
    );
    const session = await startSignIn(t, user.id);
    const reply = await completeSignIn(
      t,
      session.sessionId,
      authenticator.getAssertion(session.clientRequest, { counter: 4 }),
    );
    expect(reply.status).toBe(200);
    // Flagged, and the stored counter is never lowered.
    expect(passkeyRow(t, passkey.id)).toMatchObject({ counter: 9, possibly_cloned: 1 });
  });

  it('two sessions racing with the same counter: one signs in, the other is a regression', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const a = await startSignIn(t, user.id);
    const b = await startSignIn(t, user.id);
    const replies = await Promise.all([
      completeSignIn(t, a.sessionId, authenticator.getAssertion(a.clientRequest, { counter: 3 })),
      completeSignIn(t, b.sessionId, authenticator.getAssertion(b.clientRequest, { counter: 3 })),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(replies.find((r) => r.status === 400)?.body.error.code).toBe('COUNTER_REGRESSION');
    expect(passkeyRow(t, passkey.id)).toMatchObject({ counter: 3, possibly_cloned: 1 });
  });
});
