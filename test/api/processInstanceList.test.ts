import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createTenant, expectError } from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const list = '/api/process-manager/processInstances';

/** A process that runs to its end without a user step: its instances finish at once. */
const quick = {
  name: 'quick',
  start: 'start',
  nodes: {
    start: { type: 'start', next: 'decide' },
    decide: { type: 'simpleDecider', next: 'end' },
    end: { type: 'end' },
  },
};

async function startInstance(processDefnName: string, tenant?: string) {
  const headers: Record<string, string> = tenant ? { 'x-tenant-id': tenant } : {};
  const token = await t.request('POST', '/api/process-manager/processTokens', {
    body: { name: `t-${Math.random().toString(36).slice(2)}`, processDefnName, type: 'UNLIMITED' },
    headers,
  });
  if (token.status !== 201) throw new Error(`token: ${JSON.stringify(token.body)}`);
  const created = await t.request('POST', `${list}/create?pt=${token.body.id}`, { headers });
  if (created.status !== 201) throw new Error(`create: ${JSON.stringify(created.body)}`);
  t.clock.now += 1000;
  return created.body.processInstanceId as string;
}

async function tokenWith(permissions: string[]) {
  const reply = await t.request('POST', '/api/tenants/default/tokens', {
    body: { name: 'limited', permissions },
  });
  return reply.body.token as string;
}

describe('GET /api/process-manager/processInstances', () => {
  beforeEach(async () => {
    const uploaded = await t.request(
      'POST',
      '/api/process-manager/processDefinitions/quick/versions',
      {
        body: { definition: quick },
      },
    );
    expect(uploaded.status).toBe(201);
  });

  it('lists the tenant’s instances newest first, paged, as summaries', async () => {
    const first = await startInstance('passkey-registration');
    const second = await startInstance('quick');
    const third = await startInstance('passkey-registration');
    const all = await t.request('GET', list);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 0, size: 20, total: 3 });
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([third, second, first]);
    expect(all.body.items[2]).toEqual({
      id: first,
      definitionName: 'passkey-registration',
      definitionVersion: 1,
      state: 'RUNNING',
      cursor: 'regForm',
      decision: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const paged = await t.request('GET', `${list}?page=1&size=1`);
    expect(paged.body).toMatchObject({ page: 1, size: 1, total: 3 });
    expect(paged.body.items.map((i: { id: string }) => i.id)).toEqual([second]);
    const past = await t.request('GET', `${list}?page=5&size=1`);
    expect(past.body).toMatchObject({ items: [], total: 3 });
  });

  it('filters by process definition and by state', async () => {
    const running = await startInstance('passkey-registration');
    const done = await startInstance('quick');
    const byName = await t.request('GET', `${list}?definitionName=quick`);
    expect(byName.body.items.map((i: { id: string }) => i.id)).toEqual([done]);
    expect(byName.body.items[0]).toMatchObject({ state: 'COMPLETED', cursor: 'end' });
    const byState = await t.request('GET', `${list}?state=RUNNING`);
    expect(byState.body).toMatchObject({ total: 1, items: [{ id: running }] });
    const both = await t.request('GET', `${list}?state=RUNNING&definitionName=quick`);
    expect(both.body).toMatchObject({ total: 0, items: [] });
  });

  it('never shows captures, the capability or the engine’s internal part', async () => {
    await startInstance('passkey-registration');
    const text = JSON.stringify((await t.request('GET', list)).body);
    for (const hidden of [
      'context',
      'internal',
      'capability',
      'entryHash',
      'history',
      'challenge',
    ]) {
      expect(text).not.toContain(hidden);
    }
  });

  it('shows another tenant nothing', async () => {
    await startInstance('passkey-registration');
    await createTenant(t, 'acme');
    const other = await t.request('GET', list, { headers: { 'x-tenant-id': 'acme' } });
    expect(other.body).toMatchObject({ items: [], total: 0 });
  });

  it('refuses an unknown state, a bad page or an unknown parameter', async () => {
    expectError(await t.request('GET', `${list}?state=DONE`), 400, 'INVALID_INPUT');
    expectError(await t.request('GET', `${list}?size=0`), 400, 'INVALID_INPUT');
    expectError(await t.request('GET', `${list}?size=201`), 400, 'INVALID_INPUT');
    expectError(await t.request('GET', `${list}?tenantId=acme`), 400, 'INVALID_INPUT');
  });

  it('needs ProcessManager:readInstance', async () => {
    const noRead = await tokenWith(['TNT#default#ProcessManager:readDefinition']);
    expectError(await t.request('GET', list, { token: noRead }), 403, 'PERMISSION_DENIED');
    const reader = await tokenWith(['TNT#default#ProcessManager:readInstance']);
    expect((await t.request('GET', list, { token: reader })).status).toBe(200);
    expectError(await t.request('GET', list, { token: null }), 401, 'TOKEN_INVALID');
  });

  it('reads a page from the (tenant, createdAt) index, not a scan', () => {
    const plan = t.storage.sqlite
      .prepare(
        'explain query plan select id from process_instances where tenant_id = ? order by created_at desc limit 20',
      )
      .all('default') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('process_instances_tenant_created');
  });
});
