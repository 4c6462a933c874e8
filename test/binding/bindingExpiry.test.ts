import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../api/apiTestKit';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';
import {
  complete,
  createIdentity,
  createJob,
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

const minutes = (n: number) => n * 60_000;

describe('binding link expiry', () => {
  it('expires after 15 minutes by default: reads show EXPIRED, redeem and open are 410', async () => {
    const { job, link } = await identityWithLink(t);
    expect(job.expire_time).toBe('2026-01-01T00:15:00.000Z');
    t.clock.now += minutes(15) - 1;
    expect((await readJob(t, job)).state).toBe('LINK_SENT');
    t.clock.now += 1;
    expect((await readJob(t, job)).state).toBe('EXPIRED');
    expectError(await redeem(t, link), 410, 'BINDING_JOB_EXPIRED');
    expectError(await t.request('GET', pathOf(link), { token: null }), 410, 'BINDING_JOB_EXPIRED');
    const row = t.storage.sqlite.prepare('select state from credential_binding_jobs').get() as {
      state: string;
    };
    expect(row.state).toBe('EXPIRED');
  });

  it('refuses a completion after the expiry (410) and marks the job EXPIRED; nothing is stored', async () => {
    const { job, link } = await identityWithLink(t);
    const redeemed = await redeem(t, link);
    const response = createSoftAuthenticator().createCredential(redeemed.body.creation_options);
    t.clock.now += minutes(15);
    const late = await complete(t, link, {
      completion_token: redeemed.body.completion_token,
      client_response: response,
    });
    expectError(late, 410, 'BINDING_JOB_EXPIRED');
    expect((await readJob(t, job)).state).toBe('EXPIRED');
    expect(
      (t.storage.sqlite.prepare('select count(*) as n from passkeys').get() as { n: number }).n,
    ).toBe(0);
  });

  it('takes ttl_seconds within 60..900 and refuses others (400)', async () => {
    const identity = await createIdentity(t);
    const short = await createJob(t, identity.id, {}, { ttl_seconds: 60 });
    expect(short.body.credential_binding_job.expire_time).toBe('2026-01-01T00:01:00.000Z');
    expectError(await createJob(t, identity.id, {}, { ttl_seconds: 59 }), 400, 'INVALID_INPUT');
    expectError(await createJob(t, identity.id, {}, { ttl_seconds: 901 }), 400, 'INVALID_INPUT');
  });

  it('lets the operator move the default and the cap (KEYFORM_BINDING_*_TTL_SECONDS)', async () => {
    const longer = await buildTestApp({
      config: { bindingTtlSeconds: 3600, bindingMaxTtlSeconds: 86_400 },
    });
    try {
      const identity = await createIdentity(longer);
      const job = await createJob(longer, identity.id);
      expect(job.body.credential_binding_job.expire_time).toBe('2026-01-01T01:00:00.000Z');
      const day = await createJob(longer, identity.id, {}, { ttl_seconds: 86_400 });
      expect(day.status).toBe(200);
    } finally {
      await longer.close();
    }
  });

  it('marks due jobs EXPIRED before a list filters on state', async () => {
    const { identity } = await identityWithLink(t);
    t.clock.now += minutes(16);
    const expired = await t.request(
      'GET',
      `${jobsOf(identity.id)}?filter=${encodeURIComponent('state eq "EXPIRED"')}`,
    );
    expect(expired.body.total_size).toBe(1);
    const open = await t.request(
      'GET',
      `${jobsOf(identity.id)}?filter=${encodeURIComponent('state eq "LINK_SENT"')}`,
    );
    expect(open.body.total_size).toBe(0);
  });
});
