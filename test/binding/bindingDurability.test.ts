import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createIdentity, createJob } from './bindingTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const mails = () => readdir(join(t.dataDir, 'outbox')).catch(() => [] as string[]);

describe('EMAIL delivery and the group commit', () => {
  it('mails the link only once the job is on disk', async () => {
    const identity = await createIdentity(t, { primary_email_address: 'ada@example.com' });
    let release: () => void = () => undefined;
    const { durability } = t.storage.records;
    const reached = durability.reached;
    durability.reached = () =>
      new Promise<void>((done) => {
        release = done;
      });
    const created = createJob(t, identity.id, { delivery_method: 'EMAIL' });
    await new Promise((r) => setTimeout(r, 100));
    expect(await mails()).toEqual([]);
    durability.reached = reached;
    release();
    expect((await created).status).toBe(200);
    expect(await mails()).toHaveLength(1);
  });
});
