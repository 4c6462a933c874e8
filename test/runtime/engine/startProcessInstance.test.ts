import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startProcessInstance } from '../../../runtime/engine/startProcessInstance';
import type { RuntimeDeps } from '../../../runtime/RuntimeDeps';
import { buildTestApp, type TestApp } from '../../support/buildTestApp';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const countInstances = () =>
  (t.storage.sqlite.prepare('select count(*) as n from process_instances').get() as { n: number })
    .n;

const start = (id: string) => t.app.inject({ method: 'POST', url: `/api/flow/start/${id}` });

describe('a SINGLE_USE start link', () => {
  it('is handed back, not burned, when the instance cannot be created after the claim', async () => {
    const created = await t.request('POST', '/api/process-manager/processTokens', {
      body: {
        name: 'once',
        processDefnName: 'passkey-registration',
        type: 'SINGLE_USE',
        parameters: { rpId: 'localhost' },
      },
    });
    expect(created.status).toBe(201);
    const deps = t.app.deps as RuntimeDeps;
    const failing: RuntimeDeps = {
      ...deps,
      records: {
        ...deps.records,
        instances: {
          ...deps.records.instances,
          insert: async () => {
            throw new TypeError('injected: the instance insert failed');
          },
        },
      },
    };
    await expect(
      startProcessInstance(failing, { processTokenId: created.body.id, via: 'browser' }),
    ).rejects.toThrow('injected');
    const token = await t.storage.records.processTokens.find({ id: created.body.id });
    expect(token?.usedAt).toBeNull();

    expect((await start(created.body.id)).statusCode).toBe(201);
    const again = await start(created.body.id);
    expect([again.statusCode, again.json().error.code]).toEqual([410, 'PROCESS_TOKEN_USED']);
  });

  const singleUse = async () => {
    const created = await t.request('POST', '/api/process-manager/processTokens', {
      body: {
        name: 'once',
        processDefnName: 'passkey-registration',
        type: 'SINGLE_USE',
        parameters: { rpId: 'localhost' },
      },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  it('starts once when many starts race for it: one claim wins, the rest find it used', async () => {
    const id = await singleUse();
    const answers = await Promise.all(Array.from({ length: 12 }, () => start(id)));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, ...Array(11).fill(410)]);
    expect(answers.filter((a) => a.statusCode === 410).map((a) => a.json().error.code)).toEqual(
      Array(11).fill('PROCESS_TOKEN_USED'),
    );
    expect(countInstances()).toBe(1);
  });

  it('hands back only its own claim: a later claim of the link keeps its stamp', async () => {
    const id = await singleUse();
    const tokens = t.storage.records.processTokens;
    const first = { id, usedAt: '2026-01-01T00:00:00.000Z' };
    expect(await tokens.claim(first)).toMatchObject({ id, usedAt: first.usedAt });
    expect(await tokens.claim({ id, usedAt: '2026-01-01T00:00:01.000Z' })).toBeUndefined();
    expect(await tokens.handBack({ id, usedAt: '2026-01-01T00:00:01.000Z' })).toBe(false);
    expect((await tokens.find({ id }))?.usedAt).toBe(first.usedAt);
    expect(await tokens.handBack(first)).toBe(true);
    expect((await tokens.find({ id }))?.usedAt).toBeNull();
  });

  it('is found only in its own tenant when a tenant is named', async () => {
    const id = await singleUse();
    const tokens = t.storage.records.processTokens;
    expect(await tokens.find({ tenantId: 'default', id })).toMatchObject({ id });
    expect(await tokens.find({ tenantId: 'other', id })).toBeUndefined();
    expect(await tokens.list({ tenantId: 'other' })).toEqual([]);
  });
});
