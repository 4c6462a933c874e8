import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authSessionUrl,
  completeSignIn,
  passkeyRow,
  signInSnapshot,
  startSignIn,
  userWithPasskey,
} from '../support/authenticationHelpers';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';
import { store } from '../support/registrationHelpers';
import type { GetAssertionOverrides } from '../support/softAuthenticatorTypes';
import { expectError } from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

/** One refused assertion: its code, nothing changed, and one attempt counted on the session. */
async function expectRefused(
  overrides: GetAssertionOverrides,
  code: string,
  { usernameless = false } = {},
) {
  const { user, authenticator } = await userWithPasskey(t);
  const session = await startSignIn(t, usernameless ? null : user.id);
  const before = signInSnapshot(t);
  const reply = await completeSignIn(
    t,
    session.sessionId,
    authenticator.getAssertion(session.clientRequest, overrides),
  );
  expectError(reply, 400, code);
  expect(signInSnapshot(t)).toEqual(before);
  const read = await t.request('GET', authSessionUrl(session.sessionId));
  expect(read.body).toMatchObject({ status: 'PENDING', attempts: 1, failureCode: code });
}

describe('sign-in rules (WebAuthn L3 §7.2), each with its own code', () => {
  it.each([
    ['another challenge', { challenge: 'AAAAAAAAAAAAAAAAAAAAAA' }, 'CHALLENGE_MISMATCH'],
    ['another origin', { origin: 'https://evil.example' }, 'ORIGIN_NOT_ALLOWED'],
    ['a registration type', { type: 'webauthn.create' }, 'CLIENT_DATA_TYPE_MISMATCH'],
    ['a cross-origin frame', { crossOrigin: true }, 'CROSS_ORIGIN_NOT_ALLOWED'],
    ['another RP ID', { rpId: 'example.com' }, 'RP_ID_MISMATCH'],
    ['no user presence', { userPresent: false }, 'USER_PRESENCE_REQUIRED'],
    ['no user verification', { userVerified: false }, 'USER_VERIFICATION_REQUIRED'],
    [
      'a signature by another key',
      { signingKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey },
      'SIGNATURE_INVALID',
    ],
    [
      'trailing authenticator data',
      { trailingBytes: new Uint8Array([1, 2]) },
      'RESPONSE_MALFORMED',
    ],
    ['another userHandle', { userHandle: 'AAAA' }, 'USER_HANDLE_MISMATCH'],
  ] as const)('refuses %s', async (_name, overrides, code) => {
    await expectRefused(overrides, code);
  });

  it('refuses a usernameless assertion with a wrong or absent userHandle', async () => {
    await expectRefused({ userHandle: 'AAAA' }, 'USER_HANDLE_MISMATCH', { usernameless: true });
    await expectRefused({ userHandle: null }, 'USER_HANDLE_MISMATCH', { usernameless: true });
  });

  it('accepts UV off when the policy does not require it', async () => {
    await t.request('PUT', '/api/identity-store/passkeys/relyingParties/localhost', {
      body: {
        name: 'RP',
        origins: ['http://localhost:3000'],
        registrationPolicies: { default: {} },
        authenticationPolicies: { default: {}, loose: { userVerification: 'preferred' } },
      },
    });
    const { user, authenticator } = await userWithPasskey(t);
    const session = await startSignIn(t, user.id, { policy: 'loose' });
    expect(session.clientRequest.userVerification).toBe('preferred');
    const reply = await completeSignIn(
      t,
      session.sessionId,
      authenticator.getAssertion(session.clientRequest, { userVerified: false }),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.userVerified).toBe(false);
  });

  it("refuses another user's credential, and one no session allowed", async () => {
    const ada = await userWithPasskey(t);
    const bob = await userWithPasskey(t);
    const session = await startSignIn(t, ada.user.id);
    // Bob's authenticator answers with Bob's credential: not in Ada's allowCredentials.
    const bobs = bob.authenticator.getAssertion({ ...session.clientRequest, allowCredentials: [] });
    expectError(await completeSignIn(t, session.sessionId, bobs), 400, 'CREDENTIAL_NOT_ALLOWED');

    // Without allowCredentials (usernameless) the credential names its user: Bob.
    const open = await startSignIn(t, null);
    const reply = await completeSignIn(
      t,
      open.sessionId,
      bob.authenticator.getAssertion(open.clientRequest),
    );
    expect(reply.body.userId).toBe(bob.user.id);
  });

  it('refuses a credential this store does not know', async () => {
    await userWithPasskey(t);
    const stranger = createSoftAuthenticator();
    stranger.createCredential({
      rp: { id: 'localhost', name: 'x' },
      user: { id: 'AAAA', name: 'x', displayName: 'x' },
      challenge: 'AAAA',
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    });
    const open = await startSignIn(t, null);
    const before = signInSnapshot(t);
    expectError(
      await completeSignIn(t, open.sessionId, stranger.getAssertion(open.clientRequest)),
      400,
      'UNKNOWN_CREDENTIAL',
    );
    expect(signInSnapshot(t)).toEqual(before);
  });

  it('refuses a disabled or locked user, at start and at completion', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const session = await startSignIn(t, user.id);
    await t.request('PATCH', `${store}/users/${user.id}`, { body: { status: 'DISABLED' } });
    const before = passkeyRow(t, passkey.id);
    expectError(
      await completeSignIn(t, session.sessionId, authenticator.getAssertion(session.clientRequest)),
      422,
      'USER_DISABLED',
    );
    expect(passkeyRow(t, passkey.id)).toEqual(before);
    expectError(
      await t.request(
        'POST',
        `${store}/users/${user.id}/passkeys/relyingParties/localhost/authentications/default`,
        { body: {} },
      ),
      422,
      'USER_DISABLED',
    );
    await t.request('PATCH', `${store}/users/${user.id}`, { body: { status: 'LOCKED' } });
    const open = await startSignIn(t, null);
    expectError(
      await completeSignIn(t, open.sessionId, authenticator.getAssertion(open.clientRequest)),
      422,
      'USER_DISABLED',
    );
  });

  it('refuses a malformed response after the schema, counting an attempt', async () => {
    const { user, authenticator } = await userWithPasskey(t);
    const session = await startSignIn(t, user.id);
    const assertion = authenticator.getAssertion(session.clientRequest);
    const broken = {
      ...assertion,
      response: { ...assertion.response, clientDataJSON: 'bm90IGpzb24' },
    };
    expectError(await completeSignIn(t, session.sessionId, broken), 400, 'RESPONSE_MALFORMED');
    // A body the schema refuses never reaches the session.
    const unknown = { ...assertion, extra: 1 };
    expectError(await completeSignIn(t, session.sessionId, unknown), 400, 'INVALID_INPUT');
    const read = await t.request('GET', authSessionUrl(session.sessionId));
    expect(read.body.attempts).toBe(1);
  });
});
