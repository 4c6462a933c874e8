import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../api/apiTestKit';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { bindThroughApi, createIdentity, createJob, jobsOf, redeem } from './bindingTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const ids = (body: { credential_binding_jobs: Array<{ id: string }> }) =>
  body.credential_binding_jobs.map((j) => j.id);
const filtered = (identityId: string, filter: string) =>
  t.request('GET', `${jobsOf(identityId)}?filter=${encodeURIComponent(filter)}`);

describe('listing jobs', () => {
  it('lists one identity’s jobs, and every job of the realm with the `-` wildcard', async () => {
    const ada = await createIdentity(t);
    const bob = await createIdentity(t);
    const a1 = (await createJob(t, ada.id)).body.credential_binding_job.id;
    const b1 = (await createJob(t, bob.id)).body.credential_binding_job.id;
    const a2 = (await createJob(t, ada.id, { delivery_method: 'EMAIL' })).body
      .credential_binding_job.id;

    const mine = await t.request('GET', jobsOf(ada.id));
    expect(mine.body).toMatchObject({ total_size: 2 });
    expect(ids(mine.body)).toEqual([a1, a2]);
    const all = await t.request('GET', jobsOf('-'));
    expect(ids(all.body)).toEqual([a1, b1, a2]);
    expectError(await t.request('GET', jobsOf('nobody')), 404, 'USER_NOT_FOUND');
    // The wildcard lists; it does not address a job.
    expectError(await t.request('GET', `${jobsOf('-')}/${a1}`), 404, 'BINDING_JOB_NOT_FOUND');
  });

  it('filters on state and delivery_method (eq, and, or)', async () => {
    const ada = await createIdentity(t);
    const returned = await createJob(t, ada.id);
    const mailed = await createJob(t, ada.id, { delivery_method: 'EMAIL' });
    const used = await createJob(t, ada.id);
    await bindThroughApi(t, used.body.credential_binding_link);
    const redeemedOnly = await createJob(t, ada.id);
    await redeem(t, redeemedOnly.body.credential_binding_link);
    const id = (r: { body: { credential_binding_job: { id: string } } }) =>
      r.body.credential_binding_job.id;

    expect(ids((await filtered('-', 'state eq "COMPLETE"')).body)).toEqual([id(used)]);
    expect(ids((await filtered('-', 'delivery_method eq "EMAIL"')).body)).toEqual([id(mailed)]);
    expect(
      ids((await filtered('-', 'state eq "LINK_SENT" and delivery_method eq "RETURN"')).body),
    ).toEqual([id(returned)]);
    expect(
      ids((await filtered(ada.id, 'state eq "COMPLETE" or state eq "REQUEST_DELIVERED"')).body),
    ).toEqual([id(used), id(redeemedOnly)]);
    expectError(await filtered('-', 'state eq "DONE"'), 400, 'INVALID_INPUT');
    expectError(await filtered('-', 'identity_id eq "x"'), 400, 'INVALID_INPUT');
    expectError(await filtered('-', 'state co "LINK"'), 400, 'INVALID_INPUT');
  });

  it('pages with page_size, next_page_token and skip', async () => {
    const ada = await createIdentity(t);
    const created: string[] = [];
    for (let i = 0; i < 5; i++)
      created.push((await createJob(t, ada.id)).body.credential_binding_job.id);
    const first = await t.request('GET', `${jobsOf(ada.id)}?page_size=2`);
    expect(ids(first.body)).toEqual(created.slice(0, 2));
    expect(first.body.total_size).toBe(5);
    const second = await t.request(
      'GET',
      `${jobsOf(ada.id)}?page_token=${first.body.next_page_token}`,
    );
    expect(ids(second.body)).toEqual(created.slice(2, 4));
    const third = await t.request(
      'GET',
      `${jobsOf(ada.id)}?page_token=${second.body.next_page_token}`,
    );
    expect(ids(third.body)).toEqual(created.slice(4));
    expect(third.body.next_page_token).toBeUndefined();
    expect(ids((await t.request('GET', `${jobsOf(ada.id)}?skip=4`)).body)).toEqual(
      created.slice(4),
    );
  });
});
