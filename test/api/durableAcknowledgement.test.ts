import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../storage/StorageError';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';
import {
  countRows,
  createTestUser,
  sessionUrl,
  startUrl,
  store,
} from '../support/registrationHelpers';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

/** Hang every wait for the disk (not for a COMMIT) from now on until `release()`; returns it. */
function hangTheDisk() {
  const { durability } = t.storage.records;
  const reached = durability.reached;
  let release: () => void = () => undefined;
  durability.reached = (ticket, level) =>
    level === 'committed'
      ? reached(ticket, level)
      : new Promise<void>((done) => {
          release = () => {
            durability.reached = reached;
            done();
          };
        });
  return () => release();
}

/** Expect `reply` to be held while the disk hangs, then to be `status` once it is released. */
async function expectHeldUntil(
  reply: ReturnType<TestApp['request']>,
  release: () => void,
  status: number,
) {
  let answered = false;
  const answer = reply.then((response) => {
    answered = true;
    return response;
  });
  await new Promise((r) => setTimeout(r, 50));
  expect(answered).toBe(false);
  release();
  expect((await answer).status).toBe(status);
}

describe('acknowledgements wait for the disk (group commit)', () => {
  it('holds every response until the writes made before it are durable', async () => {
    const release = hangTheDisk();
    await expectHeldUntil(
      t.request('POST', `${store}/users`, { body: { userKey: 'ada' } }),
      release,
      201,
    );
  });

  it('answers a registration start at its COMMIT; the completion waits for the sync', async () => {
    const user = await createTestUser(t);
    const release = hangTheDisk();
    const started = await Promise.race([
      t.request('POST', startUrl(user.id), { body: {} }),
      new Promise<undefined>((r) => setTimeout(r, 1000)),
    ]);
    expect(started?.status).toBe(201);
    expect(countRows(t, 'registration_sessions')).toBe(1);

    const clientResponse = createSoftAuthenticator({ format: 'none' }).createCredential(
      started?.body.clientRequest,
    );
    await expectHeldUntil(
      t.request('POST', sessionUrl(started?.body.sessionId), { body: { clientResponse } }),
      release,
      200,
    );
  });

  it('turns the answer into a 503 when the disk failed', async () => {
    t.storage.records.durability.reached = () =>
      Promise.reject(new StorageError('STORAGE_UNAVAILABLE', 'record database: sync failed'));
    const created = await t.request('POST', `${store}/users`, { body: { userKey: 'ada' } });
    expect(created.status).toBe(503);
    expect(created.body).toEqual({
      error: { code: 'STORAGE_UNAVAILABLE', message: 'storage is unavailable; retry later' },
    });
    expect(created.headers['content-type']).toMatch(/^application\/json/);
  });

  it('turns an answer that already was an error into the same 503', async () => {
    t.storage.records.durability.reached = () =>
      Promise.reject(new StorageError('STORAGE_UNAVAILABLE', 'record database: sync failed'));
    const refused = await t.request('POST', `${store}/users`, { body: { userKey: 7 } });
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({
      error: { code: 'STORAGE_UNAVAILABLE', message: 'storage is unavailable; retry later' },
    });
  });
});
