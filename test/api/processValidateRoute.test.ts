// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" is the process definition's expression syntax, not a mistaken template literal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { expectError } from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const base = '/api/process-manager/processDefinitions';
const branching = {
  name: 'branchy',
  start: 'start',
  nodes: {
    start: { type: 'start', next: [{ when: '${_parameters.fast}', to: 'end' }, { to: 'decide' }] },
    decide: { type: 'simpleDecider', next: 'end' },
    end: { type: 'end' },
  },
};
const broken = {
  ...branching,
  nodes: { ...branching.nodes, decide: { type: 'simpleDecider', next: 'nowhere' } },
};

async function tokenWith(permissions: string[]) {
  const reply = await t.request('POST', '/api/tenants/default/tokens', {
    body: { name: 'limited', permissions },
  });
  return reply.body.token as string;
}

describe('POST /api/process-manager/processDefinitions/{name}/versions:validate', () => {
  it('answers ok for a valid definition and stores nothing', async () => {
    const reply = await t.request('POST', `${base}/branchy/versions:validate`, {
      body: { definition: branching },
    });
    expect([reply.status, reply.body]).toEqual([200, { ok: true }]);
    expectError(await t.request('GET', `${base}/branchy`), 404, 'PROCESS_DEFINITION_NOT_FOUND');
  });

  it('gives exactly the upload’s errors, pointing at the node', async () => {
    const dry = await t.request('POST', `${base}/branchy/versions:validate`, {
      body: { definition: broken },
    });
    expectError(dry, 400, 'PROCESS_DEFINITION_INVALID');
    expect(dry.body.error.details.fields).toEqual([
      { path: '/nodes/decide/next', message: expect.stringContaining('nowhere') },
    ]);
    const upload = await t.request('POST', `${base}/branchy/versions`, {
      body: { definition: broken },
    });
    expect(upload.body).toEqual(dry.body);
    expectError(await t.request('GET', `${base}/branchy`), 404, 'PROCESS_DEFINITION_NOT_FOUND');
  });

  it('refuses a definition named differently from the path, like the upload', async () => {
    const dry = await t.request('POST', `${base}/other/versions:validate`, {
      body: { definition: branching },
    });
    expectError(dry, 400, 'PROCESS_DEFINITION_INVALID');
    expect(dry.body.error.details.fields).toEqual([{ path: '/name', message: "expected 'other'" }]);
  });

  it('refuses an unknown body field before any check', async () => {
    expectError(
      await t.request('POST', `${base}/branchy/versions:validate`, {
        body: { definition: branching, publish: true },
      }),
      400,
      'INVALID_INPUT',
    );
  });

  it('needs ProcessManager:createDefinition, like the upload', async () => {
    const reader = await tokenWith(['TNT#default#ProcessManager:readDefinition']);
    expectError(
      await t.request('POST', `${base}/branchy/versions:validate`, {
        body: { definition: branching },
        token: reader,
      }),
      403,
      'PERMISSION_DENIED',
    );
    const writer = await tokenWith(['TNT#default#ProcessManager:createDefinition']);
    const allowed = await t.request('POST', `${base}/branchy/versions:validate`, {
      body: { definition: branching },
      token: writer,
    });
    expect(allowed.status).toBe(200);
  });
});
