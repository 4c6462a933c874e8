import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authSessionUrl,
  authStartUrl,
  passkeyRow,
  signInSnapshot,
  userWithPasskey,
} from '../support/authenticationHelpers';
import { buildTestApp, type Json, type TestApp, testOrigin } from '../support/buildTestApp';
import { expectError, putRelyingParty } from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const redeemUrl = '/api/authentication-links/redeem';
const completeUrl = '/api/authentication-links/complete';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const tokenOf = (url: string) => new URL(url).hash.replace(/^#token=/, '');

/** Start a sign-in for `user` (null: usernameless) with `{link: true}`; the 201 body and its token. */
async function linkedSignIn(tt: TestApp, user: string | null) {
  const started = await tt.request('POST', authStartUrl(user), { body: { link: true } });
  expect(started.status).toBe(201);
  return { session: started.body as Json, token: tokenOf(started.body.authenticationUrl) };
}

/** The link routes as a browser calls them: no API token, from `origin` unless null. */
const publicPost = (tt: TestApp, url: string, body: unknown, origin: string | null = testOrigin) =>
  tt.request('POST', url, { body, token: null, headers: origin ? { origin } : {} });

const sessionRow = (id: string) =>
  t.storage.sqlite
    .prepare(
      'select state, attempts, link_hash, failure_code from authentication_sessions where id = ?',
    )
    .get(id) as { state: string; attempts: number; link_hash: string | null; failure_code: string };

/** What a refused call must leave as it was: records, and every sign-in session's row. */
const snapshot = () => ({
  ...signInSnapshot(t),
  sessions: t.storage.sqlite.prepare('select * from authentication_sessions').all(),
});

describe('authentication links: the sign-in counterpart of a binding link', () => {
  it('signs in with a link: start {link: true}, redeem, complete, all without an API token', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const { session, token } = await linkedSignIn(t, user.id);
    expect(session.authenticationUrl).toMatch(
      new RegExp(`^${testOrigin}/authenticate#token=[A-Za-z0-9_-]{43}$`),
    );
    // Kept only as its hash: the secret itself is nowhere in the records.
    expect(sessionRow(session.sessionId).link_hash).toBe(sha256(token));
    const dump = JSON.stringify(
      t.storage.sqlite.prepare('select * from authentication_sessions').all(),
    );
    expect(dump).not.toContain(token);

    const redeemed = await publicPost(t, redeemUrl, { token });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toEqual({
      clientRequest: session.clientRequest,
      expiresAt: session.expiresAt,
    });
    expect(redeemed.headers['access-control-allow-origin']).toBe(testOrigin);
    expect(redeemed.headers['cache-control']).toBe('no-store');
    // Redeeming changes nothing: a dismissed prompt is retried with the same link.
    expect((await publicPost(t, redeemUrl, { token })).body).toEqual(redeemed.body);
    expect(sessionRow(session.sessionId)).toMatchObject({ state: 'PENDING', attempts: 0 });

    t.clock.now += 2_000;
    const clientResponse = authenticator.getAssertion(redeemed.body.clientRequest);
    const completed = await publicPost(t, completeUrl, { token, clientResponse });
    expect(completed.status).toBe(200);
    const at = new Date(t.clock.now).toISOString();
    expect(completed.body).toEqual({
      passkeyId: passkey.id,
      credentialId: passkey.credentialId,
      userId: user.id,
      authenticatedAt: at,
    });
    expect(completed.headers['access-control-allow-origin']).toBe(testOrigin);
    expect(passkeyRow(t, passkey.id)).toMatchObject({ counter: 1, last_used_at: at });
    // The integrator's backend signs the user in from the session, with its API token.
    const read = await t.request('GET', authSessionUrl(session.sessionId));
    expect(read.body).toMatchObject({
      status: 'COMPLETED',
      userId: user.id,
      passkeyId: passkey.id,
    });
    expect(read.body.authenticationUrl).toBeUndefined();
  });

  it('signs in usernameless by link: the discoverable credential names its user', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const { token } = await linkedSignIn(t, null);
    const redeemed = await publicPost(t, redeemUrl, { token });
    expect(redeemed.body.clientRequest.allowCredentials).toBeUndefined();
    const clientResponse = authenticator.getAssertion(redeemed.body.clientRequest);
    const completed = await publicPost(t, completeUrl, { token, clientResponse });
    expect(completed.body).toMatchObject({ userId: user.id, passkeyId: passkey.id });
  });

  it('issues no link unless asked: no authenticationUrl, no hash', async () => {
    const { user } = await userWithPasskey(t);
    for (const body of [{}, { link: false }, null]) {
      const started = await t.request('POST', authStartUrl(user.id), {
        ...(body === null ? {} : { body }),
      });
      expect(started.status).toBe(201);
      expect(started.body.authenticationUrl).toBeUndefined();
      expect(sessionRow(started.body.sessionId).link_hash).toBeNull();
    }
    expectError(
      await t.request('POST', authStartUrl(user.id), { body: { link: 'yes' } }),
      400,
      'INVALID_INPUT',
    );
  });

  it('refuses a used link: redeem 410, another assertion 409, an identical resend answers again', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const { session, token } = await linkedSignIn(t, user.id);
    const clientResponse = authenticator.getAssertion(session.clientRequest);
    const first = await publicPost(t, completeUrl, { token, clientResponse });
    expect(first.status).toBe(200);
    const before = snapshot();

    const again = await publicPost(t, redeemUrl, { token });
    expectError(again, 410, 'AUTHENTICATION_LINK_USED');
    expect(again.headers['access-control-allow-origin']).toBe(testOrigin);
    const other = authenticator.getAssertion(session.clientRequest);
    expectError(
      await publicPost(t, completeUrl, { token, clientResponse: other }),
      409,
      'SESSION_ALREADY_COMPLETED',
    );
    expect(snapshot()).toEqual(before);
    expect(passkeyRow(t, passkey.id).counter).toBe(1);

    const resent = await publicPost(t, completeUrl, { token, clientResponse });
    expect(resent.status).toBe(200);
    expect(resent.body).toEqual(first.body);
  });

  it('refuses an expired link with the session’s code, and records the expiry only', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const { session, token } = await linkedSignIn(t, user.id);
    const clientResponse = authenticator.getAssertion(session.clientRequest);
    t.clock.now += 300_000;
    expectError(await publicPost(t, redeemUrl, { token }), 410, 'SESSION_EXPIRED');
    expect(sessionRow(session.sessionId)).toMatchObject({ state: 'EXPIRED', attempts: 0 });
    expectError(
      await publicPost(t, completeUrl, { token, clientResponse }),
      410,
      'SESSION_EXPIRED',
    );
    expect(passkeyRow(t, passkey.id)).toMatchObject({ counter: 0, last_used_at: null });
  });

  it('refuses a wrong, malformed or purged token without changing anything', async () => {
    const { user, authenticator } = await userWithPasskey(t);
    const { session, token } = await linkedSignIn(t, user.id);
    const clientResponse = authenticator.getAssertion(session.clientRequest);
    const before = snapshot();
    const wrong = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const refused = await publicPost(t, redeemUrl, { token: wrong });
    expectError(refused, 401, 'AUTHENTICATION_LINK_INVALID');
    // Readable by a trusted page: the SDK can say why.
    expect(refused.headers['access-control-allow-origin']).toBe(testOrigin);
    expectError(
      await publicPost(t, completeUrl, { token: wrong, clientResponse }),
      401,
      'AUTHENTICATION_LINK_INVALID',
    );
    // The session id is not the link: it names the session but authorises nothing.
    expectError(
      await publicPost(t, redeemUrl, { token: session.sessionId }),
      401,
      'AUTHENTICATION_LINK_INVALID',
    );
    expectError(await publicPost(t, redeemUrl, { token: 'short' }), 400, 'INVALID_INPUT');
    expectError(await publicPost(t, redeemUrl, { token, extra: 1 }), 400, 'INVALID_INPUT');
    expectError(await publicPost(t, redeemUrl, {}), 400, 'INVALID_INPUT');
    expect(snapshot()).toEqual(before);

    // Purged with its session: the secret then names nothing.
    t.clock.now += 300_000;
    await t.storage.records.authenticationSessions.purgeExpired(t.clock.now + 1);
    expectError(await publicPost(t, redeemUrl, { token }), 401, 'AUTHENTICATION_LINK_INVALID');
  });

  it('counts a failed assertion against maxAttempts like the session API, then the link is failed', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const { session, token } = await linkedSignIn(t, user.id);
    const bad = () =>
      authenticator.getAssertion(session.clientRequest, {
        challenge: Buffer.alloc(32, 7).toString('base64url'),
      });
    for (const attempts of [1, 2, 3]) {
      expectError(
        await publicPost(t, completeUrl, { token, clientResponse: bad() }),
        400,
        'CHALLENGE_MISMATCH',
      );
      expect(sessionRow(session.sessionId).attempts).toBe(attempts);
    }
    expect(sessionRow(session.sessionId).state).toBe('FAILED');
    expectError(await publicPost(t, redeemUrl, { token }), 409, 'SESSION_FAILED');
    expect(passkeyRow(t, passkey.id).last_used_at).toBeNull();
  });

  it('of parallel completes by one link exactly one signs in; a session takes one link, while pending', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const { session, token } = await linkedSignIn(t, user.id);
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        publicPost(t, completeUrl, {
          token,
          clientResponse: authenticator.getAssertion(session.clientRequest),
        }),
      ),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status !== 200).every((r) => r.status === 409)).toBe(true);
    expect(passkeyRow(t, passkey.id).last_used_at).not.toBeNull();

    // A second link for a session would outlive the first one's secret: refused, as for a used one.
    const links = t.storage.records.authenticationLinks;
    const key = { tenantId: 'default', id: session.sessionId };
    expect(await links.attach(key, sha256('another'))).toBe(false);
    const fresh = await t.request('POST', authStartUrl(user.id), { body: {} });
    const freshKey = { tenantId: 'default', id: fresh.body.sessionId };
    expect(await links.attach(freshKey, sha256('one'))).toBe(true);
    expect(await links.attach(freshKey, sha256('two'))).toBe(false);
    expect(sessionRow(fresh.body.sessionId).link_hash).toBe(sha256('one'));
  });

  it('refuses the link of a cancelled session', async () => {
    const { user } = await userWithPasskey(t);
    const { session, token } = await linkedSignIn(t, user.id);
    const cancelled = await t.request('POST', `${authSessionUrl(session.sessionId)}/cancel`);
    expect(cancelled.status).toBe(200);
    expectError(await publicPost(t, redeemUrl, { token }), 409, 'SESSION_CANCELLED');
  });
});

describe('authentication links: CORS and rate limit', () => {
  const preflight = (tt: TestApp, url: string, origin: string) =>
    tt.app.inject({
      method: 'OPTIONS',
      url,
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  it('answers preflights from origins some RP or authenticator config trusts, and no others', async () => {
    const app = 'https://app.example.com';
    const config = await t.request(
      'POST',
      '/v1/tenants/default/realms/default/authenticator-configs',
      { body: { authenticator_config: { config: { type: 'embedded', invoke_url: app } } } },
    );
    expect(config.status).toBe(200);
    for (const url of [redeemUrl, completeUrl]) {
      for (const origin of [testOrigin, app]) {
        const answer = await preflight(t, url, origin);
        expect(answer.statusCode).toBe(204);
        expect(answer.headers['access-control-allow-origin']).toBe(origin);
        expect(answer.headers['access-control-allow-methods']).toBe('POST');
      }
      const evil = await preflight(t, url, 'https://evil.example');
      expect(evil.statusCode).toBe(403);
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    }
    // The store's config trusts its origin for this store's sign-ins too, as for binding.
    const { user } = await userWithPasskey(t);
    const { token } = await linkedSignIn(t, user.id);
    expect((await publicPost(t, redeemUrl, { token }, app)).status).toBe(200);
  });

  it('holds each request to its own session’s origins: another RP’s origin gets 403, nothing changes', async () => {
    const other = 'https://other.example';
    await putRelyingParty(t, {}, { rpId: 'other.example', origins: [other] });
    const { user, authenticator } = await userWithPasskey(t);
    const { session, token } = await linkedSignIn(t, user.id);
    // The preflight cannot know the session (it carries no token) and lets `other` ask...
    expect((await preflight(t, redeemUrl, other)).statusCode).toBe(204);
    const before = snapshot();
    // ...but the request itself names the session, whose RP does not trust `other`.
    const refused = await publicPost(t, redeemUrl, { token }, other);
    expectError(refused, 403, 'ORIGIN_NOT_TRUSTED');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    const clientResponse = authenticator.getAssertion(session.clientRequest);
    expectError(
      await publicPost(t, completeUrl, { token, clientResponse }, other),
      403,
      'ORIGIN_NOT_TRUSTED',
    );
    expectError(
      await publicPost(t, completeUrl, { token, clientResponse }, 'https://evil.example'),
      403,
      'ORIGIN_NOT_TRUSTED',
    );
    expect(snapshot()).toEqual(before);
    // Without an Origin (a server, curl) there is no CORS to answer.
    expect((await publicPost(t, completeUrl, { token, clientResponse }, null)).status).toBe(200);
  });

  it('rate-limits the link routes per address (KEYFORM_PUBLIC_RATE_LIMIT)', async () => {
    const limited = await buildTestApp({ config: { publicRateLimit: 2 } });
    try {
      const { user } = await userWithPasskey(limited);
      const { token } = await linkedSignIn(limited, user.id);
      expect((await publicPost(limited, redeemUrl, { token })).status).toBe(200);
      expect((await publicPost(limited, redeemUrl, { token })).status).toBe(200);
      expectError(await publicPost(limited, redeemUrl, { token }), 429, 'RATE_LIMITED');
      // The API itself is limited per token: unaffected.
      expect((await limited.request('POST', authStartUrl(user.id), { body: {} })).status).toBe(201);
    } finally {
      await limited.close();
    }
  });
});
