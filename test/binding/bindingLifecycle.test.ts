import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../api/apiTestKit';
import { buildTestApp, type TestApp, testOrigin } from '../support/buildTestApp';
import {
  bindThroughApi,
  complete,
  identityWithLink,
  jobsOf,
  pathOf,
  readJob,
  redeem,
} from './bindingTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

describe('a RETURN job', () => {
  it('answers with the job and a credential_binding_link in Beyond Identity shape', async () => {
    const { identity, job, link } = await identityWithLink(t, {
      post_binding_redirect_uri: 'https://app.example.com/done',
    });
    expect(job).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      realm_id: 'default',
      tenant_id: 'default',
      identity_id: identity.id,
      delivery_method: 'RETURN',
      state: 'LINK_SENT',
      post_binding_redirect_uri: 'https://app.example.com/done',
      authenticator_config_id: 'hosted-web',
      expire_time: '2026-01-01T00:15:00.000Z',
      create_time: '2026-01-01T00:00:00.000Z',
      update_time: '2026-01-01T00:00:00.000Z',
    });
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe(
      `${testOrigin}/v1/tenants/default/realms/default/identities/${identity.id}/credential-binding-jobs/${job.id}:invokeAuthenticator`,
    );
    // 256 random bits, base64url; stored only as its hash.
    const token = url.searchParams.get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = JSON.stringify(
      t.storage.sqlite.prepare('select * from credential_binding_jobs').all(),
    );
    expect(stored).not.toContain(token);
  });

  it('moves LINK_SENT → LINK_OPENED → REQUEST_DELIVERED → COMPLETE with credential_id', async () => {
    const { identity, job, link } = await identityWithLink(t);

    const opened = await t.request('GET', pathOf(link), { token: null });
    expect(opened.status).toBe(302);
    const location = new URL(String(opened.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(`${testOrigin}/bind`);
    expect(location.search).toBe('');
    const params = new URLSearchParams(location.hash.slice(1));
    expect(Object.fromEntries(params)).toEqual({
      api_base_url: testOrigin,
      tenant_id: 'default',
      realm_id: 'default',
      identity_id: identity.id,
      job_id: job.id,
      token: new URL(link).searchParams.get('token'),
    });
    expect((await readJob(t, job)).state).toBe('LINK_OPENED');

    const { redeemed, completed } = await bindThroughApi(t, link);
    expect(redeemed.body.credential_binding_job.state).toBe('REQUEST_DELIVERED');
    expect(redeemed.body.creation_options.user.name).toBe(identity.traits.username);
    expect(redeemed.body.completion_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(completed.status).toBe(200);
    expect(completed.body.credential_binding_job).toMatchObject({
      state: 'COMPLETE',
      credential_id: completed.body.passkey.id,
    });
    expect(completed.body.identity.id).toBe(identity.id);

    const read = await readJob(t, job);
    expect(read).toMatchObject({ state: 'COMPLETE', credential_id: completed.body.passkey.id });
    // One engine: the passkey is the identity's, visible through the native API.
    const passkeys = await t.request(
      'GET',
      `/api/identity-store/stores/default/users/${identity.id}/passkeys`,
    );
    expect(passkeys.body.items.map((p: { id: string }) => p.id)).toEqual([read.credential_id]);
  });

  it('redeems straight from LINK_SENT (the SDK posts the returned link without opening it)', async () => {
    const { job, link } = await identityWithLink(t);
    const { completed } = await bindThroughApi(t, link);
    expect(completed.status).toBe(200);
    expect((await readJob(t, job)).state).toBe('COMPLETE');
  });

  it('refuses a second use of the link: redeem and open are 410 BINDING_LINK_USED', async () => {
    const { link } = await identityWithLink(t);
    expect((await redeem(t, link)).status).toBe(200);
    expectError(await redeem(t, link), 410, 'BINDING_LINK_USED');
    expectError(await t.request('GET', pathOf(link), { token: null }), 410, 'BINDING_LINK_USED');
  });

  it('answers an identical resend of the completion with the same result; a different one is 409', async () => {
    const { link } = await identityWithLink(t);
    const { redeemed, completed, clientResponse } = await bindThroughApi(t, link);
    const again = await complete(t, link, {
      completion_token: redeemed.body.completion_token,
      client_response: clientResponse,
    });
    expect(again.status).toBe(200);
    expect(again.body.passkey).toEqual(completed.body.passkey);
    const other = {
      ...clientResponse,
      response: { ...clientResponse.response, transports: ['usb'] },
    };
    const conflicting = await complete(t, link, {
      completion_token: redeemed.body.completion_token,
      client_response: other,
    });
    expectError(conflicting, 409, 'SESSION_ALREADY_COMPLETED');
  });

  it('lets exactly one of two concurrent redemptions through', async () => {
    const { job, link } = await identityWithLink(t);
    const replies = await Promise.all([redeem(t, link), redeem(t, link), redeem(t, link)]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 410, 410]);
    const pending = t.storage.sqlite
      .prepare("select count(*) as n from registration_sessions where state = 'PENDING'")
      .get() as { n: number };
    // Only the winner's session can ever complete.
    expect(pending.n).toBe(1);
    expect((await readJob(t, job)).state).toBe('REQUEST_DELIVERED');
  });

  it('refuses to complete a job whose link was not redeemed (409), and a wrong completion token (401)', async () => {
    const { link } = await identityWithLink(t);
    expectError(
      await complete(t, link, {
        completion_token: 'x'.repeat(43),
        client_response: minimalResponse,
      }),
      401,
      'BINDING_TOKEN_INVALID',
    );
    const redeemed = await redeem(t, link);
    expect(redeemed.status).toBe(200);
    expectError(
      await complete(t, link, {
        completion_token: 'y'.repeat(43),
        client_response: minimalResponse,
      }),
      401,
      'BINDING_TOKEN_INVALID',
    );
  });

  it('returns 404 for an unknown job and 401 without an API token on the job API', async () => {
    const { identity } = await identityWithLink(t);
    expectError(
      await t.request('GET', `${jobsOf(identity.id)}/nope`),
      404,
      'BINDING_JOB_NOT_FOUND',
    );
    expectError(await t.request('GET', jobsOf(identity.id), { token: null }), 401, 'TOKEN_INVALID');
  });
});

const minimalResponse = {
  id: 'abc',
  rawId: 'abc',
  type: 'public-key',
  response: { clientDataJSON: 'abc', attestationObject: 'abc' },
  clientExtensionResults: {},
};
