import type { TestApp } from './buildTestApp';

export const store = '/api/identity-store/stores/default';

export const startUrl = (
  userId: string,
  { rpId = 'localhost', policy = 'default', ext = false } = {},
) =>
  `${store}/users/${encodeURIComponent(userId)}/passkeys/relyingParties/${rpId}/registrations/${policy}${ext ? '/ext' : ''}`;

export const sessionUrl = (sessionId: string, storeName = 'default') =>
  `/api/identity-store/stores/${storeName}/passkeys/registrations/sessions/${sessionId}`;

/** Create a user in the default store and return it. */
export async function createTestUser(
  t: TestApp,
  userKey = `user-${Math.random().toString(36).slice(2, 10)}`,
) {
  const created = await t.request('POST', `${store}/users`, { body: { userKey } });
  if (created.status !== 201) throw new Error(`user not created: ${JSON.stringify(created.body)}`);
  return created.body as { id: string; userKey: string; externalId: string };
}

/** Create a user and start a registration for them; returns the session's 201 body and the user. */
export async function startForNewUser(t: TestApp, opts: { policy?: string; body?: unknown } = {}) {
  const user = await createTestUser(t);
  const started = await t.request('POST', startUrl(user.id, { policy: opts.policy }), {
    body: opts.body ?? {},
  });
  if (started.status !== 201) throw new Error(`start failed: ${JSON.stringify(started.body)}`);
  return { user, session: started.body };
}

/** Count rows of a record table: the "nothing was stored" check after every failure. */
export function countRows(
  t: TestApp,
  table: 'users' | 'passkeys' | 'registration_sessions' | 'user_handles',
) {
  const row = t.storage.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number };
  return row.n;
}
