import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startProcessInstance } from '../../../runtime/engine/startProcessInstance';
import type { RuntimeDeps } from '../../../runtime/RuntimeDeps';
import { buildTestApp, type TestApp } from '../../support/buildTestApp';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

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
    const token = t.storage.processes.read().tokens.find((p) => p.id === created.body.id);
    expect(token?.usedAt).toBeNull();

    expect((await start(created.body.id)).statusCode).toBe(201);
    const again = await start(created.body.id);
    expect([again.statusCode, again.json().error.code]).toEqual([410, 'PROCESS_TOKEN_USED']);
  });
});
