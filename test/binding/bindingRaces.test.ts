import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeBinding } from '../../identity/binding/completeBinding';
import { redeemBindingLink } from '../../identity/binding/redeemBindingLink';
import { revokeBindingJob } from '../../identity/binding/revokeBindingJob';
import { IdentityError } from '../../identity/IdentityError';
import type { BindingJobRepository } from '../../storage/createBindingJobRepository';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';
import { bindingDepsOf, identityWithLink, readJob, redeem } from './bindingTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const addressOf = (link: string) => {
  const url = new URL(link);
  const [, tenantId, storeName, userId, jobId] =
    /tenants\/([^/]+)\/realms\/([^/]+)\/identities\/([^/]+)\/credential-binding-jobs\/([^:]+)/.exec(
      url.pathname,
    )!;
  return {
    tenantId: tenantId!,
    storeName: storeName!,
    userId: userId!,
    jobId: jobId!,
    token: url.searchParams.get('token')!,
  };
};
const sessionStates = () =>
  (
    t.storage.sqlite.prepare('select state from registration_sessions').all() as Array<{
      state: string;
    }>
  ).map((s) => s.state);

describe('races around a binding job', () => {
  it('a redemption that loses its claim (here to a revoke) cancels the session it started', async () => {
    const { job, link } = await identityWithLink(t);
    const deps = bindingDepsOf(t);
    const jobs = deps.records.bindingJobs;
    const racing: BindingJobRepository = {
      ...jobs,
      // Just before the claim, someone revokes the job.
      transition: async (key, from, set, guard) => {
        if (set.state === 'REQUEST_DELIVERED') {
          await jobs.transition(key, ['LINK_SENT'], { state: 'REVOKED', updated_at: 'now' });
        }
        return jobs.transition(key, from, set, guard);
      },
    };
    const attempt = redeemBindingLink(
      { ...deps, records: { ...deps.records, bindingJobs: racing } },
      addressOf(link),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'BINDING_JOB_REVOKED' });
    expect(sessionStates()).toEqual(['CANCELLED']);
    expect((await readJob(t, job)).state).toBe('REVOKED');
  });

  it('a revoke that meets a completion already verifying is refused (409); the job stays redeemed', async () => {
    const { job, link } = await identityWithLink(t);
    expect((await redeem(t, link)).status).toBe(200);
    t.storage.sqlite.prepare("update registration_sessions set state = 'VERIFYING'").run();
    const { tenantId, storeName, userId, jobId } = addressOf(link);
    const refused = await revokeBindingJob(bindingDepsOf(t), {
      tenantId,
      storeName,
      userId,
      jobId,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(IdentityError);
    expect((refused as IdentityError).code).toBe('BINDING_JOB_COMPLETE');
    expect((await readJob(t, job)).state).toBe('REQUEST_DELIVERED');
  });

  it('a completion whose job expired while it verified still marks the job COMPLETE (the passkey exists)', async () => {
    const { job, link } = await identityWithLink(t);
    const redeemed = await redeem(t, link);
    const deps = bindingDepsOf(t);
    const jobs = deps.records.bindingJobs;
    const racing: BindingJobRepository = {
      ...jobs,
      // The list's expiry sweep runs between the verification and the job's own update.
      transition: async (key, from, set, guard) => {
        if (set.state === 'COMPLETE') await jobs.expireDue(key, Date.parse('2100-01-01'));
        return jobs.transition(key, from, set, guard);
      },
    };
    const { tenantId, storeName, userId, jobId } = addressOf(link);
    const result = await completeBinding(
      { ...deps, records: { ...deps.records, bindingJobs: racing } },
      {
        tenantId,
        storeName,
        userId,
        jobId,
        completionToken: redeemed.body.completion_token,
        response: createSoftAuthenticator().createCredential(redeemed.body.creation_options),
      },
    );
    expect(result.job.state).toBe('COMPLETE');
    expect((await readJob(t, job)).credential_id).toBe(result.passkey.id);
  });
});
