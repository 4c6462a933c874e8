import type { Json, TestApp } from './buildTestApp';
import {
  createSoftAuthenticator,
  type SoftAuthenticator,
  type SoftAuthenticatorOptions,
} from './createSoftAuthenticator';
import { sessionUrl as registrationSessionUrl, startUrl, store } from './registrationHelpers';

/** Start URLs of a sign-in: by user id, by externalId (/ext), or usernameless. */
export const authStartUrl = (
  user: string | null,
  { rpId = 'localhost', policy = 'default', ext = false, storeName = 'default' } = {},
) =>
  user === null
    ? `/api/identity-store/stores/${storeName}/passkeys/relyingParties/${rpId}/authentications/${policy}`
    : `/api/identity-store/stores/${storeName}/users/${encodeURIComponent(user)}/passkeys/relyingParties/${rpId}/authentications/${policy}${ext ? '/ext' : ''}`;

export const authSessionUrl = (sessionId: string, storeName = 'default') =>
  `/api/identity-store/stores/${storeName}/passkeys/authentications/sessions/${sessionId}`;

type Opts = { token?: string; headers?: Record<string, string> };
const auth = ({ token, headers }: Opts) => ({
  ...(token ? { token } : {}),
  ...(headers ? { headers } : {}),
});

/**
 * A user of the default store with one passkey, registered through the API by a soft
 * authenticator that now holds its key: the start of every sign-in test.
 */
export async function userWithPasskey(
  t: TestApp,
  options: SoftAuthenticatorOptions = {},
  {
    authenticator = createSoftAuthenticator(options),
    user: given,
  }: { authenticator?: SoftAuthenticator; user?: Json } = {},
) {
  const user =
    given ??
    (
      await t.request('POST', `${store}/users`, {
        body: { userKey: `u-${Math.random().toString(36).slice(2, 10)}` },
      })
    ).body;
  const started = await t.request('POST', startUrl(user.id), { body: {} });
  if (started.status !== 201) throw new Error(`registration: ${JSON.stringify(started.body)}`);
  const clientResponse = authenticator.createCredential(started.body.clientRequest);
  const completed = await t.request('POST', registrationSessionUrl(started.body.sessionId), {
    body: { clientResponse },
  });
  if (completed.status !== 200) throw new Error(`registration: ${JSON.stringify(completed.body)}`);
  return { user, authenticator, passkey: completed.body.passkey as Json };
}

/** Start a sign-in (201 expected); returns the session body. */
export async function startSignIn(
  t: TestApp,
  user: string | null,
  opts: Parameters<typeof authStartUrl>[1] & Opts = {},
) {
  const reply = await t.request('POST', authStartUrl(user, opts), { body: {}, ...auth(opts) });
  if (reply.status !== 201) throw new Error(`sign-in start: ${JSON.stringify(reply.body)}`);
  return reply.body as Json;
}

export function completeSignIn(
  t: TestApp,
  sessionId: string,
  clientResponse: unknown,
  opts: Opts = {},
) {
  return t.request('POST', authSessionUrl(sessionId), { body: { clientResponse }, ...auth(opts) });
}

/** The passkey row as stored: counter and flags, read around the API. */
export function passkeyRow(t: TestApp, id: string) {
  return t.storage.sqlite
    .prepare('select counter, backed_up, last_used_at, possibly_cloned from passkeys where id = ?')
    .get(id) as {
    counter: number;
    backed_up: number;
    last_used_at: string | null;
    possibly_cloned: number;
  };
}

/** Row counts and passkey state: what a refused sign-in must leave exactly as it was. */
export function signInSnapshot(t: TestApp) {
  const q = (sql: string) => t.storage.sqlite.prepare(sql).all();
  return {
    users: q('select * from users'),
    passkeys: q('select * from passkeys'),
    handles: q('select * from user_handles'),
    registrations: q('select count(*) as n from registration_sessions'),
  };
}
