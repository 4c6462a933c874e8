import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/buildTestApp';

const stores = '/api/identity-store/stores';
let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

describe('a definitions write that fails for real', () => {
  it('answers 503 STORAGE_UNAVAILABLE and memory does not drift from disk', async () => {
    const before = await t.request('GET', stores);
    // Writes go through a temp file in the data directory: without it, every write fails.
    await rm(t.dataDir, { recursive: true, force: true });

    const created = await t.request('POST', stores, {
      body: { name: 'lost', displayName: 'Lost' },
    });
    expect(created.status).toBe(503);
    expect(created.body).toEqual({
      error: { code: 'STORAGE_UNAVAILABLE', message: 'storage is unavailable; retry later' },
    });
    expect(JSON.stringify(created.body)).not.toContain(t.dataDir);

    const after = await t.request('GET', stores);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect(after.body.items.map((s: { name: string }) => s.name)).not.toContain('lost');
    expect((await t.request('GET', `${stores}/lost`)).status).toBe(404);

    // Once the directory is back the same request succeeds, and disk and memory agree.
    await mkdir(t.dataDir, { recursive: true });
    const retried = await t.request('POST', stores, {
      body: { name: 'lost', displayName: 'Lost' },
    });
    expect(retried.status).toBe(201);
    const identityFile = join(t.dataDir, 'identity.json');
    expect(existsSync(identityFile)).toBe(true);
    const onDisk = JSON.parse(await readFile(identityFile, 'utf8'));
    expect(onDisk.stores.map((s: { name: string }) => s.name)).toEqual(['default', 'lost']);
  });

  it('answers 503 for every kind of definitions write (tenants, tokens, relying parties)', async () => {
    await rm(t.dataDir, { recursive: true, force: true });
    const attempts = await Promise.all([
      t.request('POST', '/api/tenants', { body: { id: 'acme' } }),
      t.request('POST', '/api/tenants/default/tokens', {
        body: { name: 'ci', permissions: ['TNT#default#IdentityStore:*'] },
      }),
      t.request('PUT', '/api/identity-store/passkeys/relyingParties/example.com', {
        body: { name: 'Example' },
      }),
    ]);
    expect(attempts.map((a) => [a.status, a.body.error.code])).toEqual([
      [503, 'STORAGE_UNAVAILABLE'],
      [503, 'STORAGE_UNAVAILABLE'],
      [503, 'STORAGE_UNAVAILABLE'],
    ]);
    expect(
      (await t.request('GET', '/api/identity-store/passkeys/relyingParties')).body.items,
    ).toHaveLength(1);
    expect(t.storage.identity.read().tenants.map((x) => x.id)).toEqual(['default']);
    expect(t.storage.identity.read().tokens).toHaveLength(0);
  });
});
