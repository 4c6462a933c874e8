import { expect } from 'vitest';
import type { Json, TestApp } from '../support/buildTestApp';
import { testOrigin } from '../support/buildTestApp';
import { countRows, sessionUrl, startUrl, store } from '../support/registrationHelpers';

/** Shared steps of the registration API tests: policies, tenants, users, and error checks. */

type Reply = { status: number; body?: Json };

/** Assert an error reply: exact status, exact code, and the `{error: {code, message}}` shape. */
export function expectError(reply: Reply, status: number, code: string) {
  expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({ status, code });
  expect(typeof reply.body.error.message).toBe('string');
}

const tenantHeaders = (tenant?: string) =>
  tenant ? { headers: { 'x-tenant-id': tenant } } : ({} as Record<string, never>);

/** Replace RP `rpId` of `tenant` (root token) with `policies` beside the default policy. */
export async function putRelyingParty(
  t: TestApp,
  policies: Record<string, Json>,
  {
    rpId = 'localhost',
    origins = [testOrigin],
    tenant,
  }: Opts & { rpId?: string; origins?: string[] } = {},
) {
  const reply = await t.request('PUT', `/api/identity-store/passkeys/relyingParties/${rpId}`, {
    body: { name: `RP ${rpId}`, origins, registrationPolicies: { default: {}, ...policies } },
    ...tenantHeaders(tenant),
  });
  if (reply.status !== 200 && reply.status !== 201) {
    throw new Error(`RP not saved: ${JSON.stringify(reply.body)}`);
  }
  return reply.body;
}

export async function createTenant(t: TestApp, id: string) {
  const reply = await t.request('POST', '/api/tenants', { body: { id } });
  if (reply.status !== 201) throw new Error(`tenant not created: ${JSON.stringify(reply.body)}`);
}

type Opts = { tenant?: string; token?: string };

export async function createUserIn(t: TestApp, { tenant, token }: Opts = {}, extra: Json = {}) {
  const reply = await t.request('POST', `${store}/users`, {
    body: { userKey: `u-${Math.random().toString(36).slice(2, 10)}`, ...extra },
    ...(token ? { token } : {}),
    ...tenantHeaders(tenant),
  });
  if (reply.status !== 201) throw new Error(`user not created: ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; userKey: string; externalId: string };
}

/** Start a registration for a fresh user of `tenant` under `policy`; returns user and session. */
export async function startSession(
  t: TestApp,
  {
    policy = 'default',
    rpId = 'localhost',
    tenant,
  }: Opts & { policy?: string; rpId?: string } = {},
) {
  const user = await createUserIn(t, { tenant });
  const reply = await t.request('POST', startUrl(user.id, { policy, rpId }), {
    body: {},
    ...tenantHeaders(tenant),
  });
  if (reply.status !== 201) throw new Error(`start failed: ${JSON.stringify(reply.body)}`);
  return { user, session: reply.body as Json, sessionId: reply.body.sessionId as string };
}

export function complete(t: TestApp, sessionId: string, clientResponse: unknown, opts: Opts = {}) {
  return t.request('POST', sessionUrl(sessionId), {
    body: { clientResponse },
    ...(opts.token ? { token: opts.token } : {}),
    ...tenantHeaders(opts.tenant),
  });
}

export async function readSession(t: TestApp, sessionId: string, { tenant }: Opts = {}) {
  const reply = await t.request('GET', sessionUrl(sessionId), tenantHeaders(tenant));
  expect(reply.status).toBe(200);
  return reply.body as Json;
}

/** Row counts of the tables a registration may write: the "nothing was stored" baseline. */
export function snapshot(t: TestApp) {
  return { users: countRows(t, 'users'), passkeys: countRows(t, 'passkeys') };
}
