import type { TestApp } from './buildTestApp';

/** An end user's browser against the flow routes: keeps the capability cookie like a browser. */
export async function openStartLink(
  t: TestApp,
  { tokenName = 'demo', tenantId = 'default' }: { tokenName?: string; tenantId?: string } = {},
) {
  const token = await t.storage.records.processTokens.findByName({ tenantId, name: tokenName });
  if (!token) throw new Error(`no process token '${tokenName}'`);
  const started = await t.app.inject({ method: 'POST', url: `/api/flow/start/${token.id}` });
  if (started.statusCode !== 201) throw new Error(`start failed: ${started.body}`);
  const cookie = started.cookies.find((c) => c.name === 'kf_flow');
  if (!cookie) throw new Error('no capability cookie');
  const body = started.json();
  return flowClient(t, body.instanceId, `${cookie.name}=${cookie.value}`, body.step);
}

export function flowClient(t: TestApp, instanceId: string, cookie: string, firstStep: Step) {
  let current = firstStep;
  const send = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await t.app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload ? { payload } : {}),
    });
    return {
      status: response.statusCode,
      body: response.json() as Step & {
        error?: { code: string; details?: Record<string, unknown> };
      },
    };
  };
  return {
    instanceId,
    cookie,
    get step() {
      return current;
    },
    async refresh() {
      const response = await send('GET', `/api/flow/${instanceId}/step`);
      if (response.status === 200) current = response.body;
      return response;
    },
    /** Post `action` for the current step (or `stepId`); on 200 the new step becomes current. */
    async post(action: object, stepId = current.stepId) {
      const response = await send('POST', `/api/flow/${instanceId}/steps/${stepId}`, action);
      if (response.status === 200) current = response.body;
      return response;
    },
  };
}

// Step views are read loosely; each test asserts the fields it relies on.
// biome-ignore lint/suspicious/noExplicitAny: response JSON in tests
export type Step = any;
