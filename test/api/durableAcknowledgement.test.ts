import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../storage/StorageError';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { store } from '../support/registrationHelpers';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

describe('acknowledgements wait for the disk (group commit)', () => {
  it('holds every response until the writes made before it are durable', async () => {
    let release: () => void = () => undefined;
    const durable = t.storage.records.durable;
    t.storage.records.durable = () =>
      new Promise<void>((done) => {
        release = done;
      });
    let answered = false;
    const created = t
      .request('POST', `${store}/users`, { body: { userKey: 'ada' } })
      .then((response) => {
        answered = true;
        return response;
      });
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    release();
    expect((await created).status).toBe(201);
    t.storage.records.durable = durable;
  });

  it('turns the answer into a 503 when the disk failed', async () => {
    t.storage.records.durable = () =>
      Promise.reject(new StorageError('STORAGE_UNAVAILABLE', 'record database: sync failed'));
    const created = await t.request('POST', `${store}/users`, { body: { userKey: 'ada' } });
    expect(created.status).toBe(503);
    expect(created.body).toEqual({
      error: { code: 'STORAGE_UNAVAILABLE', message: 'storage is unavailable; retry later' },
    });
    expect(created.headers['content-type']).toMatch(/^application\/json/);
  });
});
