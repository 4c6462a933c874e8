import { describe, expect, it } from 'vitest';
import { createFlowClient } from '../../renderer/flow/createFlowClient';

const step = { stepId: 's1', instanceId: 'i1', locale: 'en', component: 'form' };

function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond();
  };
  return { calls, fetchFn };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('createFlowClient', () => {
  it('starts an instance with an empty JSON body, same-origin cookies and ?lang', async () => {
    const { calls, fetchFn } = fakeFetch(() => json(201, { instanceId: 'i1', step }));
    const client = createFlowClient({ fetchFn, pageSearch: '?lang=de&x=1' });
    const result = await client.start('tok/en');
    expect(result).toEqual({ ok: true, value: { instanceId: 'i1', step } });
    expect(calls[0]?.url).toBe('/api/flow/start/tok%2Fen?lang=de');
    expect(calls[0]?.init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      body: '{}',
    });
  });

  it('gets the current step and posts actions to the step id', async () => {
    const { calls, fetchFn } = fakeFetch(() => json(200, step));
    const client = createFlowClient({ fetchFn });
    expect(await client.getStep('i1')).toEqual({ ok: true, value: step });
    await client.postStep('i1', 's1', { action: 'cancel', reason: 'cancelled' });
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ['GET', '/api/flow/i1/step'],
      ['POST', '/api/flow/i1/steps/s1'],
    ]);
    expect(calls[0]?.init.body).toBeUndefined();
    expect(JSON.parse(String(calls[1]?.init.body))).toEqual({
      action: 'cancel',
      reason: 'cancelled',
    });
    expect(calls[1]?.init.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it("posts a dry run's data to the step's validate call and reads its errors", async () => {
    const errors = [{ path: '/userName', message: 'This is too long.' }];
    const { calls, fetchFn } = fakeFetch(() => json(200, { errors }));
    const client = createFlowClient({ fetchFn, pageSearch: '?lang=de' });
    expect(await client.checkStep('i1', 's/1', { userName: 'x' })).toEqual({
      ok: true,
      value: errors,
    });
    expect(calls[0]?.url).toBe('/api/flow/i1/steps/s%2F1/validate?lang=de');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ data: { userName: 'x' } });
    const odd = fakeFetch(() => json(200, { fine: true }));
    expect(
      await createFlowClient({ fetchFn: odd.fetchFn }).checkStep('i1', 's1', {}),
    ).toMatchObject({ ok: false, error: { code: 'UNEXPECTED_RESPONSE' } });
  });

  it('passes unknown components through for the fallback screen', async () => {
    const odd = { ...step, component: 'hologram' };
    const { fetchFn } = fakeFetch(() => json(200, odd));
    expect(await createFlowClient({ fetchFn }).getStep('i1')).toEqual({ ok: true, value: odd });
  });

  it('parses error envelopes, with Retry-After', async () => {
    const { fetchFn } = fakeFetch(() =>
      json(
        429,
        { error: { code: 'RATE_LIMITED', message: 'slow down', details: {} } },
        {
          'retry-after': '12',
        },
      ),
    );
    const result = await createFlowClient({ fetchFn }).getStep('i1');
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'rateLimited', code: 'RATE_LIMITED', retryAfterSeconds: 12 },
    });
  });

  it('reports a 409 STEP_STALE as stale', async () => {
    const { fetchFn } = fakeFetch(() =>
      json(409, { error: { code: 'STEP_STALE', message: 'not current', details: {} } }),
    );
    const result = await createFlowClient({ fetchFn }).postStep('i1', 's0', { action: 'submit' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'stale', status: 409 } });
  });

  it('turns a non-JSON error page into a status-based error', async () => {
    const { fetchFn } = fakeFetch(() => new Response('<h1>502</h1>', { status: 502 }));
    const result = await createFlowClient({ fetchFn }).getStep('i1');
    expect(result).toMatchObject({ ok: false, error: { kind: 'server', code: 'HTTP_502' } });
  });

  it('turns a thrown fetch into a network error instead of throwing', async () => {
    const { fetchFn } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await createFlowClient({ fetchFn }).getStep('i1');
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'network', status: 0, code: 'NETWORK_ERROR', message: 'Failed to fetch' },
    });
  });

  it('refuses a 2xx that is not a step', async () => {
    const { fetchFn } = fakeFetch(() => json(200, { hello: 'world' }));
    const result = await createFlowClient({ fetchFn }).getStep('i1');
    expect(result).toMatchObject({ ok: false, error: { kind: 'unexpected' } });
    const started = await createFlowClient({ fetchFn: async () => json(201, { step }) }).start('t');
    expect(started).toMatchObject({ ok: false, error: { kind: 'unexpected' } });
  });
});
