import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import type { Step } from '../support/flowClient';

/**
 * Hostile forms and hostile submissions through the end user's real HTTP path, on a server
 * listening on a port: a form's pattern or a submission's size must never hold the event loop
 * (DESIGN §6: no request holds the event loop). Timings are only compared with ones measured here.
 */
let t: TestApp;
let base: string;

const forms: Record<string, Record<string, unknown>> = {
  nested: {
    type: 'object',
    properties: { text: { type: 'string', pattern: '^(a+)+$' } },
  },
  words: {
    type: 'object',
    properties: { text: { type: 'string', pattern: '^([A-Za-z0-9]+\\s?)*$' } },
  },
  unique: {
    type: 'object',
    properties: { list: { type: 'array', uniqueItems: true }, must: { type: 'string' } },
    required: ['must'],
  },
  // No additionalProperties: false, so an extra field of any shape is valid data.
  open: { type: 'object', properties: { name: { type: 'string' } } },
  recursive: { type: 'object', properties: { a: { $ref: '#' } } },
};

async function deployForm(name: string, schema: Record<string, unknown>) {
  const form = await t.request('POST', `/api/forms/${name}/versions`, { body: { schema } });
  if (form.status !== 201) throw new Error(JSON.stringify(form.body));
  const definition = {
    name,
    start: 'start',
    nodes: {
      start: { type: 'start', next: 'form' },
      form: {
        type: 'customDataForm',
        inputs: { formName: name, formDataKey: 'form' },
        next: 'end',
      },
      end: { type: 'end' },
    },
  };
  const process = await t.request(
    'POST',
    `/api/process-manager/processDefinitions/${name}/versions`,
    { body: { definition } },
  );
  if (process.status !== 201) throw new Error(JSON.stringify(process.body));
  const token = await t.request('POST', '/api/process-manager/processTokens', {
    body: { type: 'UNLIMITED', name, processDefnName: name },
  });
  if (token.status !== 201) throw new Error(JSON.stringify(token.body));
  return token.body.id as string;
}

/** An end user's browser over real HTTP: opens the start link and keeps the capability cookie. */
async function openJourney(tokenId: string) {
  const started = await fetch(`${base}/api/flow/start/${tokenId}`, { method: 'POST' });
  expect(started.status).toBe(201);
  const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { instanceId, step } = (await started.json()) as { instanceId: string; step: Step };
  // Deep data is written as text: the test's own JSON.stringify would overflow its stack.
  const submit = async (data: unknown) => {
    const json = typeof data === 'string' ? data : JSON.stringify(data);
    const reply = await fetch(`${base}/api/flow/${instanceId}/steps/${step.stepId}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: `{"action":"submit","data":${json}}`,
    });
    return { status: reply.status, body: (await reply.json()) as Step };
  };
  const current = async () =>
    (await (
      await fetch(`${base}/api/flow/${instanceId}/step`, { headers: { cookie } })
    ).json()) as Step;
  return { submit, current, stepId: step.stepId as string };
}

const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp({ config: { publicRateLimit: 1_000_000 } });
  for (const [name, schema] of Object.entries(forms)) tokens[name] = await deployForm(name, schema);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => t.close());

async function timed<T>(work: () => Promise<T>) {
  const began = performance.now();
  const value = await work();
  return { value, ms: performance.now() - began };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** Sends `data` while asking /health; returns the reply and how long /health took meanwhile. */
async function submitBesideHealth(journey: Awaited<ReturnType<typeof openJourney>>, data: unknown) {
  const submitting = journey.submit(data);
  const health = await timed(() => fetch(`${base}/health`).then((r) => r.text()));
  return { reply: await submitting, healthMs: health.ms };
}

function nest(depth: number, leaf: unknown = 'x'): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** `depth` levels of `{"a": …}` around `leaf`, as JSON text. */
const nestedJson = (depth: number, leaf = '"x"') =>
  `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;

describe('hostile patterns and submissions, over HTTP', () => {
  it('never holds /health for more than a small multiple of its unloaded latency', async () => {
    // Baselines, measured now: an unloaded /health and a harmless submission beside one.
    const calm = await openJourney(tokens.open!);
    const unloaded: number[] = [];
    const harmless: number[] = [];
    for (let i = 0; i < 15; i++) {
      unloaded.push((await timed(() => fetch(`${base}/health`).then((r) => r.text()))).ms);
      harmless.push((await submitBesideHealth(calm, { name: `n${i}`, other: i })).healthMs);
    }
    // Generous: twenty times the slower of the two baselines.
    const bound = 20 * Math.max(median(unloaded), median(harmless));

    const attacks: Array<{ form: string; data: unknown; status: 400; code: string }> = [
      {
        form: 'nested',
        data: { text: `${'a'.repeat(26)}!` },
        status: 400,
        code: 'FORM_DATA_INVALID',
      },
      {
        form: 'nested',
        data: { text: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' },
        status: 400,
        code: 'FORM_DATA_INVALID',
      },
      {
        form: 'words',
        data: { text: `${'a1B2c'.repeat(5)}!` },
        status: 400,
        code: 'FORM_DATA_INVALID',
      },
      {
        form: 'unique',
        // Distinct items: ajv compares every pair of them (O(n²)) unless the size is refused first.
        data: { list: Array.from({ length: 9000 }, (_, i) => [i]) },
        status: 400,
        code: 'FORM_DATA_TOO_LARGE',
      },
      // The dearest uniqueItems within the limits: every pair compared 9 levels down. Without
      // `must` the answer is a 400 after the whole check, so the same step takes every round.
      {
        form: 'unique',
        data: { list: Array.from({ length: 256 }, (_, i) => nest(9, i)) },
        status: 400,
        code: 'FORM_DATA_INVALID',
      },
    ];
    for (const attack of attacks) {
      const journey = await openJourney(tokens[attack.form]!);
      const healthMs: number[] = [];
      for (let round = 0; round < 3; round++) {
        const beside = await submitBesideHealth(journey, attack.data);
        expect(beside.reply.status).toBe(attack.status);
        expect(beside.reply.body.error.code).toBe(attack.code);
        healthMs.push(beside.healthMs);
      }
      // The median of the rounds: what a repeated attack costs, not a first round's cold start.
      expect(median(healthMs), `/health beside the ${attack.form} attack`).toBeLessThanOrEqual(
        bound,
      );
    }
  });

  it('refuses an extra field nested 5,000 deep with 400, storing nothing', async () => {
    const journey = await openJourney(tokens.open!);
    const { status, body } = await journey.submit(`{"name":"ada","extra":${nestedJson(5000)}}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: 'FORM_DATA_TOO_DEEP',
      details: { limit: 'maxDepth', max: 12 },
    });
    expect(body.error.details.path).toMatch(/^\/extra(\/a)+$/);
    // The step is as it was: same step, nothing captured, and a proper answer still goes on.
    const step = await journey.current();
    expect({ stepId: step.stepId, data: step.data }).toEqual({ stepId: journey.stepId, data: {} });
    expect((await journey.submit({ name: 'ada', extra: nest(5) })).status).toBe(200);
  });

  it('refuses data 9,000 deep for a recursive schema with 400', async () => {
    const journey = await openJourney(tokens.recursive!);
    const { status, body } = await journey.submit(nestedJson(9000, '{}'));
    expect(status).toBe(400);
    expect(body.error.code).toBe('FORM_DATA_TOO_DEEP');
    expect((await journey.submit(nest(8, {}))).status).toBe(200);
  });

  it('refuses an oversized string, array or object before validating it', async () => {
    const journey = await openJourney(tokens.open!);
    const cases: Array<[unknown, string]> = [
      [{ name: 'x'.repeat(9000) }, 'maxStringLength'],
      [{ [`k${'x'.repeat(9000)}`]: 1 }, 'maxStringLength'],
      [{ extra: Array.from({ length: 257 }, () => 0) }, 'maxItems'],
      [
        { extra: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i])) },
        'maxProperties',
      ],
      // Five strings within the string limit, over the limit in all.
      [Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((k) => [k, 'x'.repeat(7000)])), 'maxBytes'],
    ];
    for (const [data, limit] of cases) {
      const { status, body } = await journey.submit(data);
      expect({ status, code: body.error?.code, limit: body.error?.details?.limit }).toEqual({
        status: 400,
        code: 'FORM_DATA_TOO_LARGE',
        limit,
      });
    }
  });
});
