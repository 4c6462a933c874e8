import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../api/apiTestKit';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createIdentity, jobsOf, realm } from './bindingTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const batch = `${realm()}/identities/-/credential-binding-jobs:batchCreate`;
const jobCount = () =>
  (
    t.storage.sqlite.prepare('select count(*) as n from credential_binding_jobs').get() as {
      n: number;
    }
  ).n;

describe(':batchCreate', () => {
  it('creates jobs for 1000 identities in one call, each RETURN result with its own link', async () => {
    const identities: Array<{ id: string }> = [];
    for (let i = 0; i < 10; i++) identities.push(await createIdentity(t));
    const requests = Array.from({ length: 1000 }, (_, i) => ({
      identity_id: identities[i % 10]!.id,
      job: { delivery_method: 'RETURN' },
    }));
    const created = await t.request('POST', batch, { body: { requests } });
    expect(created.status).toBe(200);
    expect(created.body.results).toHaveLength(1000);
    const links = new Set(
      created.body.results.map(
        (r: { credential_binding_link: string }) => r.credential_binding_link,
      ),
    );
    expect(links.size).toBe(1000);
    expect(created.body.results[3].credential_binding_job.identity_id).toBe(identities[3]!.id);
    expect(jobCount()).toBe(1000);
  }, 60_000);

  it('refuses more than 1000 and an empty batch (400) and stores nothing', async () => {
    const { id } = await createIdentity(t);
    const requests = Array.from({ length: 1001 }, () => ({
      identity_id: id,
      job: { delivery_method: 'RETURN' },
    }));
    expectError(await t.request('POST', batch, { body: { requests } }), 400, 'INVALID_INPUT');
    expectError(await t.request('POST', batch, { body: { requests: [] } }), 400, 'INVALID_INPUT');
    expect(jobCount()).toBe(0);
  });

  it('is all or nothing: one bad request names its index and nothing is stored', async () => {
    const { id } = await createIdentity(t);
    const noMail = await createIdentity(t, {
      primary_email_address: undefined,
      username: 'nomail',
    });
    const unknown = await t.request('POST', batch, {
      body: {
        requests: [
          { identity_id: id, job: { delivery_method: 'RETURN' } },
          { identity_id: 'ghost', job: { delivery_method: 'RETURN' } },
        ],
      },
    });
    expectError(unknown, 404, 'USER_NOT_FOUND');
    expect(unknown.body.error.details.index).toBe(1);
    const unmailable = await t.request('POST', batch, {
      body: {
        requests: [
          { identity_id: id, job: { delivery_method: 'EMAIL' } },
          { identity_id: noMail.id, job: { delivery_method: 'EMAIL' } },
        ],
      },
    });
    expectError(unmailable, 422, 'IDENTITY_HAS_NO_EMAIL');
    expect(unmailable.body.error.message).toMatch(/^requests\[1\]: /);
    expect(jobCount()).toBe(0);
  });

  it('mails the EMAIL jobs and hands back the RETURN links only', async () => {
    const { id } = await createIdentity(t);
    const created = await t.request('POST', batch, {
      body: {
        requests: [
          { identity_id: id, job: { delivery_method: 'EMAIL' } },
          { identity_id: id, job: { delivery_method: 'RETURN' } },
        ],
      },
    });
    expect(created.status).toBe(200);
    expect(created.body.results[0].credential_binding_link).toBeUndefined();
    expect(created.body.results[1].credential_binding_link).toEqual(expect.any(String));
    expect((await t.request('GET', jobsOf(id))).body.total_size).toBe(2);
  });
});
