import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authSessionUrl,
  authStartUrl,
  completeSignIn,
  startSignIn,
  userWithPasskey,
} from '../support/authenticationHelpers';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { expectError } from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const area = 'TNT#default#IdentityStore';
async function tokenWith(...actions: string[]) {
  const reply = await t.request('POST', '/api/tenants/default/tokens', {
    body: { name: `t-${actions.join('-')}`, permissions: actions.map((a) => `${area}:${a}`) },
  });
  if (reply.status !== 201) throw new Error(`token not issued: ${JSON.stringify(reply.body)}`);
  return reply.body.token as string;
}
const byId = 'createPasskeyAuthenticationForUser';
const byExtId = 'createPasskeyAuthenticationForUserByExtId';
const usernameless = 'createPasskeyAuthentication';

describe('sign-in permissions', () => {
  it('each start route needs its own permission', async () => {
    const { user } = await userWithPasskey(t);
    const starts = [
      [byId, authStartUrl(user.id)],
      [byExtId, authStartUrl(user.externalId, { ext: true })],
      [usernameless, authStartUrl(null)],
    ] as const;
    for (const [action, url] of starts) {
      const own = await tokenWith(action);
      expect((await t.request('POST', url, { body: {}, token: own })).status).toBe(201);
      for (const [other] of starts.filter(([a]) => a !== action)) {
        const wrong = await tokenWith(other, 'createPasskeyRegistrationForUser');
        expectError(
          await t.request('POST', url, { body: {}, token: wrong }),
          403,
          'PERMISSION_DENIED',
        );
      }
    }
    expectError(
      await t.request('POST', authStartUrl(null), { body: {}, token: null }),
      401,
      'TOKEN_INVALID',
    );
  });

  it('reading, completing and cancelling a session need the permission that started it', async () => {
    const { user, authenticator } = await userWithPasskey(t);
    const own = await tokenWith(byId);
    const other = await tokenWith(usernameless, byExtId);
    const session = await startSignIn(t, user.id, { token: own });
    const url = authSessionUrl(session.sessionId);
    expectError(await t.request('GET', url, { token: other }), 403, 'PERMISSION_DENIED');
    expectError(
      await t.request('POST', `${url}/cancel`, { body: {}, token: other }),
      403,
      'PERMISSION_DENIED',
    );
    const assertion = authenticator.getAssertion(session.clientRequest);
    expectError(
      await completeSignIn(t, session.sessionId, assertion, { token: other }),
      403,
      'PERMISSION_DENIED',
    );
    // Refused at the door: nothing counted, the session is as it was.
    const read = await t.request('GET', url, { token: own });
    expect(read.body).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect((await completeSignIn(t, session.sessionId, assertion, { token: own })).status).toBe(
      200,
    );
  });

  it('a usernameless session is the usernameless permission’s, and a wildcard covers all', async () => {
    const { authenticator } = await userWithPasskey(t);
    const open = await startSignIn(t, null, { token: await tokenWith(usernameless) });
    expectError(
      await t.request('GET', authSessionUrl(open.sessionId), { token: await tokenWith(byId) }),
      403,
      'PERMISSION_DENIED',
    );
    const all = await tokenWith('*');
    const reply = await completeSignIn(
      t,
      open.sessionId,
      authenticator.getAssertion(open.clientRequest),
      { token: all },
    );
    expect(reply.status).toBe(200);
  });
});
