import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authSessionUrl,
  completeSignIn,
  passkeyRow,
  startSignIn,
  userWithPasskey,
} from '../support/authenticationHelpers';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { store } from '../support/registrationHelpers';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

describe('passkey sign-in, happy path', () => {
  it.each([-7, -257] as const)('signs in with a passkey of algorithm %i', async (algorithm) => {
    const { user, authenticator, passkey } = await userWithPasskey(t, { algorithm });
    const session = await startSignIn(t, user.id);
    expect(session.status).toBe('PENDING');
    expect(session.sessionId).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(session.clientRequest.rpId).toBe('localhost');
    expect(session.clientRequest.userVerification).toBe('required');
    expect(session.clientRequest.allowCredentials).toEqual([
      { id: passkey.credentialId, type: 'public-key', transports: ['internal'] },
    ]);
    expect(Object.keys(session).sort()).toEqual([
      'clientRequest',
      'expiresAt',
      'sessionId',
      'status',
    ]);

    t.clock.now += 5_000;
    const completed = await completeSignIn(
      t,
      session.sessionId,
      authenticator.getAssertion(session.clientRequest),
    );
    expect(completed.status).toBe(200);
    expect(completed.body).toEqual({
      sessionId: session.sessionId,
      status: 'COMPLETED',
      userId: user.id,
      passkeyId: passkey.id,
      userVerified: true,
      backedUp: false,
      authenticatedAt: new Date(t.clock.now).toISOString(),
    });
    expect(passkeyRow(t, passkey.id)).toMatchObject({
      counter: 1,
      last_used_at: new Date(t.clock.now).toISOString(),
      possibly_cloned: 0,
    });
    const read = await t.request('GET', authSessionUrl(session.sessionId));
    expect(read.body).toMatchObject({
      status: 'COMPLETED',
      userId: user.id,
      passkeyId: passkey.id,
    });
    expect(read.body.challenge).toBeUndefined();
  });

  it('signs in by externalId, and usernameless by the userHandle', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const byExt = await startSignIn(t, user.externalId, { ext: true });
    expect(byExt.clientRequest.allowCredentials).toHaveLength(1);
    const a = await completeSignIn(
      t,
      byExt.sessionId,
      authenticator.getAssertion(byExt.clientRequest),
    );
    expect(a.body.userId).toBe(user.id);

    const open = await startSignIn(t, null);
    expect(open.clientRequest.allowCredentials).toBeUndefined();
    const b = await completeSignIn(
      t,
      open.sessionId,
      authenticator.getAssertion(open.clientRequest),
    );
    expect(b.status).toBe(200);
    expect(b.body).toMatchObject({ userId: user.id, passkeyId: passkey.id });
    expect(passkeyRow(t, passkey.id).counter).toBe(2);
    const read = await t.request('GET', authSessionUrl(open.sessionId));
    expect(read.body.userId).toBe(user.id);
  });

  it('records backedUp as the assertion reports it', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t, {
      backupEligible: true,
      backupState: true,
    });
    const session = await startSignIn(t, user.id);
    const reply = await completeSignIn(
      t,
      session.sessionId,
      authenticator.getAssertion(session.clientRequest),
    );
    expect(reply.body.backedUp).toBe(true);
    expect(passkeyRow(t, passkey.id).backed_up).toBe(1);
  });

  it('shows the default authentication policy on every relying party', async () => {
    const rp = await t.request('GET', '/api/identity-store/passkeys/relyingParties/localhost');
    expect(rp.body.authenticationPolicies).toEqual({
      default: {
        userVerification: 'required',
        timeoutSeconds: 300,
        maxAttempts: 3,
        hints: [],
        discoverable: 'allowed',
        allowCrossOrigin: false,
        onCounterRegression: 'refuse',
      },
    });
    const users = await t.request('GET', `${store}/users`);
    expect(users.status).toBe(200);
  });
});
