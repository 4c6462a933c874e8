import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { openStartLink } from '../support/flowClient';
import { countRows } from '../support/registrationHelpers';
import { expectError } from './apiTestKit';

/**
 * The dry run a browser without ajv (the page's CSP) validates through: the same field errors
 * as a 400 submit, and nothing moves.
 */
let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

type Flow = Awaited<ReturnType<typeof openStartLink>>;

const check = async (
  flow: Flow,
  data: unknown,
  { stepId = flow.step.stepId, cookie = flow.cookie, query = '' } = {},
) => {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/flow/${flow.instanceId}/steps/${stepId}/validate${query}`,
    headers: cookie ? { cookie } : {},
    payload: { data } as object,
  });
  return { status: response.statusCode, body: response.json() };
};

const instanceOf = async (flow: Flow) =>
  (await t.request('GET', `/api/process-manager/processInstances/${flow.instanceId}`)).body;

describe('POST /api/flow/{instanceId}/steps/{stepId}/validate', () => {
  it.each([
    ['', { userName: 'a b', displayName: '' }],
    ['?lang=de', { userName: 'a b', displayName: '' }],
    ['', { displayName: 'x'.repeat(200) }],
    ['?lang=de', { userName: 'taken?', extra: 1 }],
  ])('answers%s with exactly the errors a 400 submit of %j gets', async (query, data) => {
    const flow = await openStartLink(t);
    const before = await instanceOf(flow);
    const dry = await check(flow, data, { query });
    expect(dry.status).toBe(200);
    expect(dry.body.errors.length).toBeGreaterThan(0);
    // Nothing moved: the same step, the same instance record, no attempt counted.
    expect(await instanceOf(flow)).toEqual(before);

    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/flow/${flow.instanceId}/steps/${flow.step.stepId}${query}`,
      headers: { cookie: flow.cookie },
      payload: { action: 'submit', data },
    });
    expect(submitted.statusCode).toBe(400);
    expect(dry.body).toEqual({ errors: submitted.json().error.details.step.errors });
  });

  it('answers {errors: []} for valid data, and the step is still current and unanswered', async () => {
    const flow = await openStartLink(t);
    const before = await instanceOf(flow);
    const dry = await check(flow, { userName: 'ada', displayName: 'Ada Lovelace' });
    expect(dry).toEqual({ status: 200, body: { errors: [] } });
    expect(await instanceOf(flow)).toEqual(before);
    const current = await flow.refresh();
    expect(current.body.stepId).toBe(flow.step.stepId);
    expect(current.body.ceremony).toBeNull();
    expect(countRows(t, 'users')).toBe(0);
    // The real submission of the same data still goes through.
    const submitted = await flow.post({
      action: 'submit',
      data: { userName: 'ada', displayName: 'Ada Lovelace' },
    });
    expect(submitted.status).toBe(200);
    expect(flow.step.ceremony).not.toBeNull();
  });

  it('is 409 STEP_STALE for a step that is no longer current', async () => {
    const flow = await openStartLink(t);
    const oldStep = flow.step.stepId;
    await flow.post({ action: 'submit', data: { userName: 'linus', displayName: 'Linus' } });
    const stale = await check(flow, { userName: 'linus' }, { stepId: oldStep });
    expectError(stale, 409, 'STEP_STALE');
    expect(stale.body.error.details).toEqual({ currentStepId: flow.step.stepId });
  });

  it('is authorised by the instance capability alone', async () => {
    const flow = await openStartLink(t);
    expectError(await check(flow, {}, { cookie: '' }), 401, 'CAPABILITY_INVALID');
    expectError(await check(flow, {}, { cookie: 'kf_flow=wrong' }), 401, 'CAPABILITY_INVALID');
    // Another instance's cookie opens only that instance.
    const other = await openStartLink(t);
    expectError(await check(flow, {}, { cookie: other.cookie }), 401, 'CAPABILITY_INVALID');
    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/flow/${'x'.repeat(22)}/steps/${flow.step.stepId}/validate`,
      headers: { cookie: flow.cookie },
      payload: { data: {} },
    });
    expectError({ status: unknown.statusCode, body: unknown.json() }, 404, 'INSTANCE_NOT_FOUND');
  });

  it('applies the submission caps and a strict body, as 400s that move nothing', async () => {
    const flow = await openStartLink(t);
    const before = await instanceOf(flow);
    expectError(await check(flow, { userName: 'x'.repeat(9_000) }), 400, 'FORM_DATA_TOO_LARGE');
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 20; i++) deep = { a: deep };
    expectError(await check(flow, { userName: 'ada', deep }), 400, 'FORM_DATA_TOO_DEEP');
    expectError(await check(flow, [1, 2]), 400, 'INVALID_INPUT');
    const extra = await t.app.inject({
      method: 'POST',
      url: `/api/flow/${flow.instanceId}/steps/${flow.step.stepId}/validate`,
      headers: { cookie: flow.cookie },
      payload: { data: {}, action: 'submit' },
    });
    expect(extra.statusCode).toBe(400);
    expect(await instanceOf(flow)).toEqual(before);
  });

  it('counts against the per-address end-user rate limit', async () => {
    await t.close();
    t = await buildTestApp({ config: { publicRateLimit: 3 } });
    const flow = await openStartLink(t);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await check(flow, {})).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
