import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTenant, expectError, putRelyingParty } from '../api/apiTestKit';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { identityWithLink, pathOf, readJob, redeem, withToken } from './bindingTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

/** `link` with one path segment swapped: the same token, presented for another resource. */
const swap = (link: string, from: string, to: string) => {
  const url = new URL(link);
  url.pathname = url.pathname.replace(from, to);
  return url.href;
};

describe('a link token is bound to its tenant, realm, identity and job', () => {
  it('refuses a wrong or missing token (401 / 400) and leaves the job as it was', async () => {
    const { job, link } = await identityWithLink(t);
    expectError(
      await redeem(t, `${t.app.config.publicUrl}${withToken(link, 'A'.repeat(43))}`),
      401,
      'BINDING_TOKEN_INVALID',
    );
    expectError(
      await t.request('GET', withToken(link, 'A'.repeat(43)), { token: null }),
      401,
      'BINDING_TOKEN_INVALID',
    );
    const url = new URL(link);
    url.search = '';
    expectError(
      await t.request('POST', pathOf(url.href), { body: {}, token: null }),
      400,
      'INVALID_INPUT',
    );
    expect((await readJob(t, job)).state).toBe('LINK_SENT');
  });

  it("refuses another job's token, even of the same identity", async () => {
    const first = await identityWithLink(t);
    const second = await t.request(
      'POST',
      `${new URL(first.link).pathname.split('/credential-binding-jobs')[0]}/credential-binding-jobs`,
      {
        body: { job: { delivery_method: 'RETURN' } },
      },
    );
    const otherToken = new URL(second.body.credential_binding_link).searchParams.get('token')!;
    expectError(
      await redeem(t, `${t.app.config.publicUrl}${withToken(first.link, otherToken)}`),
      401,
      'BINDING_TOKEN_INVALID',
    );
  });

  it('refuses the link under another identity, realm or tenant (404)', async () => {
    const a = await identityWithLink(t);
    const b = await identityWithLink(t);
    expectError(
      await redeem(t, swap(a.link, a.identity.id, b.identity.id)),
      404,
      'BINDING_JOB_NOT_FOUND',
    );
    expectError(
      await redeem(t, swap(a.link, 'realms/default', 'realms/other')),
      404,
      'BINDING_JOB_NOT_FOUND',
    );
    await createTenant(t, 'acme');
    await putRelyingParty(t, {}, { tenant: 'acme' });
    expectError(
      await redeem(t, swap(a.link, 'tenants/default', 'tenants/acme')),
      404,
      'BINDING_JOB_NOT_FOUND',
    );
    expectError(await redeem(t, swap(a.link, a.identity.id, '-')), 404, 'BINDING_JOB_NOT_FOUND');
    expect((await readJob(t, a.job)).state).toBe('LINK_SENT');
  });

  it('refuses a suspended identity at redemption (422) without spending the link', async () => {
    const { identity, job, link } = await identityWithLink(t);
    await t.request('PATCH', `/v1/tenants/default/realms/default/identities/${identity.id}`, {
      body: { identity: { status: 'suspended' } },
    });
    expectError(await redeem(t, link), 422, 'IDENTITY_SUSPENDED');
    expect((await readJob(t, job)).state).toBe('LINK_SENT');
  });

  it('refuses a deleted identity at redemption (404)', async () => {
    const { identity, link } = await identityWithLink(t);
    await t.request('DELETE', `/v1/tenants/default/realms/default/identities/${identity.id}`);
    expectError(await redeem(t, link), 404, 'USER_NOT_FOUND');
  });

  it('refuses a job for a suspended identity at creation (422)', async () => {
    const { identity } = await identityWithLink(t);
    await t.request('PATCH', `/v1/tenants/default/realms/default/identities/${identity.id}`, {
      body: { identity: { status: 'suspended' } },
    });
    const refused = await t.request(
      'POST',
      `/v1/tenants/default/realms/default/identities/${identity.id}/credential-binding-jobs`,
      { body: { job: { delivery_method: 'RETURN' } } },
    );
    expectError(refused, 422, 'IDENTITY_SUSPENDED');
  });
});
