import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareValidation } from '../../renderer/forms/prepareValidation';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { flowClient } from '../support/flowClient';

/**
 * A form's `default`s and date/time formats through the real journey: uploaded, shown in a
 * customDataForm step, submitted, and what the server captured read back, compared with what
 * the browser's validation (prepareValidation) makes of the same submission.
 */
const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1 },
    plan: { type: 'string', enum: ['free', 'pro'], default: 'free' },
    newsletter: { type: 'boolean', default: true },
    meeting: {
      type: 'object',
      properties: {
        at: { type: 'string', format: 'date-time' },
        start: { type: 'string', format: 'time' },
        room: { type: 'string', default: 'A1' },
      },
    },
  },
  required: ['name', 'plan'],
};

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
  const form = await t.request('POST', '/api/forms/defaults/versions', { body: { schema } });
  expect(form.status).toBe(201);
  const process = await t.request(
    'POST',
    '/api/process-manager/processDefinitions/defaults/versions',
    {
      body: {
        definition: {
          name: 'defaults',
          start: 'start',
          nodes: {
            start: { type: 'start', next: 'form' },
            form: {
              type: 'customDataForm',
              inputs: { formName: 'defaults', formDataKey: 'form' },
              next: 'end',
            },
            end: { type: 'end' },
          },
        },
      },
    },
  );
  expect(process.status).toBe(201);
});
afterAll(async () => t.close());

async function submit(data: Record<string, unknown>) {
  const token = await t.request('POST', '/api/process-manager/processTokens', {
    body: { type: 'UNLIMITED', name: `defaults-${Math.random()}`, processDefnName: 'defaults' },
  });
  const started = await t.app.inject({ method: 'POST', url: `/api/flow/start/${token.body.id}` });
  const cookie = started.cookies.find((c) => c.name === 'kf_flow')!;
  const body = started.json();
  const flow = flowClient(t, body.instanceId, `${cookie.name}=${cookie.value}`, body.step);
  const shown = body.step;
  const reply = await flow.post({ action: 'submit', data });
  const instance = await t.request(
    'GET',
    `/api/process-manager/processInstances/${body.instanceId}`,
  );
  return {
    shown,
    reply,
    stored: instance.body.captures?._dataForms?.form?.currentCapture?.data,
  };
}

describe('defaults and formats, server and browser alike', () => {
  it('stores a submission missing defaulted fields with the defaults, as the browser fills them', async () => {
    const sent = { name: 'Ada', meeting: { at: '2024-05-01T13:37', start: '13:37:00' } };
    const { reply, stored } = await submit(sent);
    expect(reply.status).toBe(200);
    const browser = structuredClone(sent);
    expect(prepareValidation(schema).ajv!.compile(schema)(browser)).toBe(true);
    expect(stored).toEqual(browser);
    expect(stored).toEqual({
      name: 'Ada',
      plan: 'free',
      newsletter: true,
      meeting: { at: '2024-05-01T13:37', start: '13:37:00', room: 'A1' },
    });
  });

  it('shows the step prefilled with the defaults, whether or not the page can run ajv', async () => {
    const { shown } = await submit({ name: 'Ada' });
    expect(shown.data).toEqual({ plan: 'free', newsletter: true });
    const browser = {};
    prepareValidation(schema).ajv!.compile(schema)(browser);
    expect(shown.data).toEqual(browser);
  });

  it.each([
    ['a date-time with seconds', { at: '2024-05-01T13:37:05' }],
    ['an RFC 3339 date-time', { at: '2024-05-01T13:37:05.120+02:00' }],
    ['a time without seconds (a time input)', { start: '13:37' }],
    ['a time with an offset', { start: '13:37:00Z' }],
  ])('accepts %s', async (_, meeting) => {
    expect((await submit({ name: 'Ada', meeting })).reply.status).toBe(200);
  });

  it.each([
    ['a 25th hour', { start: '25:00' }],
    ['a 30th of February', { at: '2023-02-30T10:00' }],
    ['a date without a time', { at: '2024-05-01' }],
  ])('refuses %s, as the browser does', async (_, meeting) => {
    const { reply, stored } = await submit({ name: 'Ada', meeting });
    expect({ status: reply.status, code: reply.body.error?.code }).toEqual({
      status: 400,
      code: 'FORM_DATA_INVALID',
    });
    expect(stored).toBeUndefined();
    const fields = reply.body.error?.details?.fields as Array<{ path: string }>;
    expect(fields.map((field) => field.path)).toEqual([`/meeting/${Object.keys(meeting)[0]}`]);
    const browser = prepareValidation(schema).ajv!.compile(schema);
    expect(browser({ name: 'Ada', meeting })).toBe(false);
  });
});
