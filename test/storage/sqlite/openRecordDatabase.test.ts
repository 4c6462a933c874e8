import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUserRepository } from '../../../storage/createUserRepository';
import { openStorage } from '../../../storage/openStorage';
import { StorageError } from '../../../storage/StorageError';
import { openRecordDatabase } from '../../../storage/sqlite/openRecordDatabase';
import type { UserRecord } from '../../../storage/UserRecord';
import { buildTestApp, type TestApp } from '../../support/buildTestApp';
import { createSoftAuthenticator } from '../../support/createSoftAuthenticator';
import { sessionUrl, startUrl, store } from '../../support/registrationHelpers';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyform-records-'));
  file = join(dir, 'records.sqlite');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const user = (id: string): UserRecord => ({
  id,
  tenantId: 'default',
  storeName: 'default',
  userKey: `key-${id}`,
  externalId: `ext-${id}`,
  email: null,
  firstName: null,
  lastName: null,
  dateOfBirth: null,
  locale: null,
  nationalities: null,
  status: 'ACTIVE',
  timezone: null,
  type: null,
  attributes: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('openRecordDatabase', () => {
  it('opens SQLite in WAL mode; commits reach the disk by group commit (createGroupCommit)', async () => {
    const { sqlite, close } = await openRecordDatabase({ file });
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    // NORMAL: a COMMIT does not sync by itself; durable() syncs the WAL before acknowledging.
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await close();
  });

  it('runs migrations once: a reopen keeps the data and applies nothing twice', async () => {
    const applied = (sqlite: { prepare: (sql: string) => { all: () => unknown[] } }) =>
      sqlite.prepare('select name, timestamp from kysely_migration order by name').all();
    const first = await openRecordDatabase({ file });
    await createUserRepository(first.db).insert(user('u1'));
    const afterFirst = applied(first.sqlite);
    expect(afterFirst).toContainEqual(expect.objectContaining({ name: '0001_identity' }));
    await first.close();

    const second = await openRecordDatabase({ file });
    // Same rows, same timestamps: nothing ran again.
    expect(applied(second.sqlite)).toEqual(afterFirst);
    const found = await createUserRepository(second.db).findById(
      { tenantId: 'default', storeName: 'default' },
      'u1',
    );
    expect(found?.userKey).toBe('key-u1');
    await second.close();

    const third = await openRecordDatabase({ file });
    expect(applied(third.sqlite)).toEqual(afterFirst);
    await third.close();
  });

  it('refuses a file that is not SQLite with STORAGE_CORRUPT and leaves it untouched', async () => {
    const garbage = randomBytes(8192);
    await writeFile(file, garbage);
    const error = await openRecordDatabase({ file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('STORAGE_CORRUPT');
    expect((error as StorageError).message).toContain(file);
    expect((error as StorageError).message).toMatch(/will not overwrite/);
    expect(await readFile(file)).toEqual(garbage);
  });

  it('makes openStorage refuse a corrupt record database and release the data directory', async () => {
    const garbage = Buffer.from(
      'this is not a database, but it is the operator’s file\n'.repeat(64),
    );
    await writeFile(file, garbage);
    const error = await openStorage({ dataDir: dir }).catch((e: unknown) => e);
    expect((error as StorageError).code).toBe('STORAGE_CORRUPT');
    expect(await readFile(file)).toEqual(garbage);
    expect(existsSync(join(dir, 'keyform.pid'))).toBe(false);
  });
});

describe('a record write that fails for real (the database file is full)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => t.close());

  /** Cap the file at its current size, then fill what is left, big rows first. */
  async function fillTheDatabase() {
    const pages = Number(t.storage.sqlite.pragma('page_count', { simple: true }));
    t.storage.sqlite.pragma(`max_page_count = ${pages}`);
    const failures: Array<{ status: number; body: unknown }> = [];
    let created = 0;
    for (const pad of [1000, 100, 0]) {
      for (let i = 0; i < 500; i++) {
        const response = await t.request('POST', `${store}/users`, {
          body: { userKey: `filler-${pad}-${i}`, attributes: { pad: 'x'.repeat(pad) } },
        });
        if (response.status !== 201) {
          failures.push(response);
          break;
        }
        created++;
      }
    }
    return { created, failures };
  }

  it('answers 503 STORAGE_UNAVAILABLE with a generic message, and keeps serving reads', async () => {
    const { created, failures } = await fillTheDatabase();
    expect(failures).toHaveLength(3);
    for (const failure of failures) {
      expect(failure.status).toBe(503);
      expect(failure.body).toEqual({
        error: { code: 'STORAGE_UNAVAILABLE', message: 'storage is unavailable; retry later' },
      });
    }
    expect(JSON.stringify(failures)).not.toMatch(/SQLITE|insert|users|records\.sqlite/i);

    const list = await t.request('GET', `${store}/users?size=200`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(created);
    const one = await t.request('GET', `${store}/users/${list.body.items[0].id}`);
    expect(one.status).toBe(200);
    expect((await t.request('GET', '/health')).status).toBe(200);
    expect((await t.request('GET', '/api/identity-store/stores')).status).toBe(200);
  });

  it('answers 503 (not 500) when SQLite rolled the transaction back itself; the session stays retryable', async () => {
    const started = await t.request('POST', startUrl('ext-full', { ext: true }), {
      body: { createUser: true, userName: 'ada', userDisplayName: 'Ada Lovelace' },
    });
    expect(started.status).toBe(201);
    await fillTheDatabase();

    const clientResponse = createSoftAuthenticator().createCredential(started.body.clientRequest);
    const completed = await t.request('POST', sessionUrl(started.body.sessionId), {
      body: { clientResponse },
    });
    expect(completed.status).toBe(503);
    expect(completed.body.error.code).toBe('STORAGE_UNAVAILABLE');
    // Nothing of the registration was committed.
    const count = (table: string) =>
      (t.storage.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    expect(count('passkeys')).toBe(0);
    expect((await t.request('GET', `${store}/users/ext-full/ext`)).status).toBe(404);
    const session = await t.request('GET', sessionUrl(started.body.sessionId));
    expect(session.body.status).toBe('PENDING');
    expect(t.storage.sqlite.prepare('select attempts from registration_sessions').get()).toEqual({
      attempts: 0,
    });
    // Once there is room again, the same response completes the same session.
    t.storage.sqlite.pragma('max_page_count = 1073741823');
    const retried = await t.request('POST', sessionUrl(started.body.sessionId), {
      body: { clientResponse },
    });
    expect(retried.status).toBe(200);
    expect(retried.body.passkey.credentialId).toBe(clientResponse.id);
    expect((await t.request('GET', `${store}/users/ext-full/ext`)).status).toBe(200);
  });
});
