import { expect } from 'vitest';
import type { BindingDeps } from '../../identity/binding/BindingDeps';
import type { Json, TestApp } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';

/** Shared steps of the Beyond Identity API tests: identities, jobs, and the link's two halves. */

export const realm = (tenant = 'default', store = 'default') =>
  `/v1/tenants/${tenant}/realms/${store}`;
export const jobsOf = (identityId: string, tenant?: string, store?: string) =>
  `${realm(tenant, store)}/identities/${identityId}/credential-binding-jobs`;

type Opts = { tenant?: string; store?: string; token?: string };
const as = (opts: Opts) => (opts.token ? { token: opts.token } : {});

export async function createIdentity(t: TestApp, traits: Json = {}, opts: Opts = {}) {
  const username = traits.username ?? `u-${Math.random().toString(36).slice(2, 10)}`;
  const reply = await t.request('POST', `${realm(opts.tenant, opts.store)}/identities`, {
    body: {
      identity: {
        display_name: `Name of ${username}`,
        traits: {
          type: 'traits_v0',
          username,
          primary_email_address: `${username}@example.com`,
          ...traits,
        },
      },
    },
    ...as(opts),
  });
  if (reply.status !== 200) throw new Error(`identity not created: ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; traits: { username: string } };
}

export async function createJob(
  t: TestApp,
  identityId: string,
  job: Json = {},
  opts: Opts & { ttl_seconds?: number } = {},
) {
  return t.request('POST', jobsOf(identityId, opts.tenant, opts.store), {
    body: {
      job: { delivery_method: 'RETURN', ...job },
      ...(opts.ttl_seconds === undefined ? {} : { ttl_seconds: opts.ttl_seconds }),
    },
    ...as(opts),
  });
}

/** An identity with a fresh RETURN job; returns both and the job's link. */
export async function identityWithLink(t: TestApp, job: Json = {}, opts: Opts = {}) {
  const identity = await createIdentity(t, {}, opts);
  const created = await createJob(t, identity.id, job, opts);
  expect(created.status).toBe(200);
  return {
    identity,
    job: created.body.credential_binding_job as Json,
    link: created.body.credential_binding_link as string,
  };
}

/** The link's path and query, as `inject` wants them (the link itself is absolute). */
export const pathOf = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};
/** The same link with another token. */
export const withToken = (link: string, token: string) => {
  const url = new URL(link);
  url.searchParams.set('token', token);
  return pathOf(url.href);
};
/** The `:complete` address of a link. */
export const completeOf = (link: string) =>
  new URL(link).pathname.replace(/:invokeAuthenticator$/, ':complete');

export function redeem(t: TestApp, link: string, headers: Record<string, string> = {}) {
  return t.request('POST', pathOf(link), { body: {}, token: null, headers });
}

export function complete(
  t: TestApp,
  link: string,
  body: { completion_token: string; client_response: unknown },
  headers: Record<string, string> = {},
) {
  return t.request('POST', completeOf(link), { body, token: null, headers });
}

/** Redeem the link and answer with a software authenticator: the whole browser side. */
export async function bindThroughApi(t: TestApp, link: string) {
  const redeemed = await redeem(t, link);
  expect(redeemed.status).toBe(200);
  const authenticator = createSoftAuthenticator();
  const clientResponse = authenticator.createCredential(redeemed.body.creation_options);
  const completed = await complete(t, link, {
    completion_token: redeemed.body.completion_token,
    client_response: clientResponse,
  });
  return { redeemed, completed, clientResponse };
}

export async function readJob(
  t: TestApp,
  job: { id: string; identity_id: string },
  opts: Opts = {},
) {
  const reply = await t.request(
    'GET',
    `${jobsOf(job.identity_id, opts.tenant, opts.store)}/${job.id}`,
    as(opts),
  );
  expect(reply.status).toBe(200);
  return reply.body as Json;
}

/** The domain's dependencies over a test app, for calling identity/binding directly. */
export function bindingDepsOf(
  t: TestApp,
  mailer: BindingDeps['mailer'] = sentNowhere,
): BindingDeps {
  return {
    ...t.app.deps,
    binding: t.storage.binding,
    publicUrl: t.app.config.publicUrl,
    mailer,
    bindingTtlSeconds: 900,
    bindingMaxTtlSeconds: 900,
  };
}

const sentNowhere: BindingDeps['mailer'] = {
  send: async () => ({ ok: true, where: 'nowhere' }),
};
