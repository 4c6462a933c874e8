import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../api/apiTestKit';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';
import {
  bindThroughApi,
  complete,
  identityWithLink,
  jobsOf,
  readJob,
  redeem,
} from './bindingTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const revoke = (job: { id: string; identity_id: string }) =>
  t.request('POST', `${jobsOf(job.identity_id)}/${job.id}:revoke`);

describe(':revoke', () => {
  it('revokes an open link: REVOKED, and the link is 410 BINDING_JOB_REVOKED', async () => {
    const { job, link } = await identityWithLink(t);
    const revoked = await revoke(job);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: job.id, state: 'REVOKED' });
    expectError(await redeem(t, link), 410, 'BINDING_JOB_REVOKED');
    // Idempotent: revoking again returns the revoked job.
    expect((await revoke(job)).body.state).toBe('REVOKED');
  });

  it('revokes a redeemed job: its registration session is cancelled and completion is refused', async () => {
    const { job, link } = await identityWithLink(t);
    const redeemed = await redeem(t, link);
    expect((await revoke(job)).body.state).toBe('REVOKED');
    const session = t.storage.sqlite.prepare('select state from registration_sessions').get() as {
      state: string;
    };
    expect(session.state).toBe('CANCELLED');
    const response = createSoftAuthenticator().createCredential(redeemed.body.creation_options);
    const late = await complete(t, link, {
      completion_token: redeemed.body.completion_token,
      client_response: response,
    });
    expectError(late, 410, 'BINDING_JOB_REVOKED');
    expect(
      (t.storage.sqlite.prepare('select count(*) as n from passkeys').get() as { n: number }).n,
    ).toBe(0);
  });

  it('refuses to revoke a COMPLETE job (409) and an expired one (410)', async () => {
    const done = await identityWithLink(t);
    await bindThroughApi(t, done.link);
    expectError(await revoke(done.job), 409, 'BINDING_JOB_COMPLETE');
    expect((await readJob(t, done.job)).state).toBe('COMPLETE');

    const old = await identityWithLink(t);
    t.clock.now += 16 * 60_000;
    expectError(await revoke(old.job), 410, 'BINDING_JOB_EXPIRED');
  });

  it('needs CredentialBinding:revoke', async () => {
    const { job } = await identityWithLink(t);
    const issued = await t.request('POST', '/api/tenants/default/tokens', {
      body: {
        name: 'reader',
        permissions: ['TNT#default#CredentialBinding:read', 'TNT#default#CredentialBinding:create'],
      },
    });
    const refused = await t.request('POST', `${jobsOf(job.identity_id)}/${job.id}:revoke`, {
      token: issued.body.token,
    });
    expectError(refused, 403, 'PERMISSION_DENIED');
  });
});
