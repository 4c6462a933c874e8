import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directExecutionOf } from '../../../storage/DirectExecution';
import { prepareQuery } from '../../../storage/prepareQuery';
import type { RecordTables } from '../../../storage/RecordTables';
import { StorageError } from '../../../storage/StorageError';
import { createRecordDriver } from '../../../storage/sqlite/createRecordDriver';

let dir: string;
let sqlite: Database.Database;
let db: Kysely<RecordTables>;
let driver: ReturnType<typeof createRecordDriver>;
let commits: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyform-driver-'));
  sqlite = new Database(join(dir, 'records.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec(
    'create table user_handles (tenant_id text, user_id text, rp_id text, user_handle text)',
  );
  commits = 0;
  driver = createRecordDriver({ sqlite, onCommit: () => commits++ });
  db = new Kysely<RecordTables>({ dialect: driver.dialect });
});
afterEach(async () => {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

const insert = prepareQuery<{ user_id: string; user_handle: string }, never>((k, slot) =>
  k.insertInto('user_handles').values({
    tenant_id: 't',
    user_id: slot('user_id'),
    rp_id: 'r',
    user_handle: slot('user_handle'),
  }),
);
const row = (id: string, handle = 'h') => ({ user_id: id, user_handle: handle });
const stored = () =>
  sqlite.prepare('select user_id from user_handles order by user_id').pluck().all() as string[];
const nextTurn = () => new Promise((r) => setImmediate(r));
/** What another connection sees: only what was committed. */
const committed = () => {
  const reader = new Database(join(dir, 'records.sqlite'), { readonly: true });
  try {
    return reader.prepare('select count(*) from user_handles').pluck().get();
  } finally {
    reader.close();
  }
};

describe('createRecordDriver: write batches', () => {
  it('commits the writes of one event-loop turn together, once, after the turn', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => insert(db, row(`u${i}`))));
    expect(commits).toBe(0);
    expect(committed()).toBe(0);
    await driver.batchCommitted(driver.batchForNextWrite());
    expect(commits).toBe(1);
    expect(committed()).toBe(20);

    await insert(db, row('v'));
    await nextTurn();
    expect(commits).toBe(2);
    expect(committed()).toBe(21);
  });

  it('reads nothing into a batch: a turn without writes commits nothing', async () => {
    await db.selectFrom('user_handles').selectAll().execute();
    await nextTurn();
    expect(commits).toBe(0);
    expect(driver.batchCommitted(driver.batchForNextWrite())).toBeUndefined();
  });

  it('rolls a failed transaction back without the other writes of its batch', async () => {
    await insert(db, row('before'));
    await expect(
      db.transaction().execute(async (trx) => {
        await insert(trx, row('inside'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await insert(db, row('after'));
    await driver.batchCommitted(driver.batchForNextWrite());
    expect(stored()).toEqual(['after', 'before']);
    expect(commits).toBe(1);
  });

  it('keeps everybody else out of a transaction while it holds the connection', async () => {
    let outside: Promise<unknown> | undefined;
    await expect(
      db.transaction().execute(async (trx) => {
        await insert(trx, row('inside'));
        // Not run now (that would land in this transaction): it waits for the connection.
        const direct = directExecutionOf(db.getExecutor().adapter);
        expect(direct).toBeDefined();
        expect(direct?.executeDirectly({ sql: 'select 1', parameters: [] })).toBeUndefined();
        outside = insert(db, row('outside'));
        await new Promise((r) => setTimeout(r, 20));
        expect(stored()).toEqual(['inside']);
        // The end of the turn came while the transaction was open: the COMMIT waits for it.
        expect(commits).toBe(0);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    // Its batch committed as it let go; the waiting write went into the next one.
    expect(commits).toBe(1);
    await outside;
    await driver.batchCommitted(driver.batchForNextWrite());
    expect(stored()).toEqual(['outside']);
    expect(commits).toBe(2);
  });

  it('fails whoever may have written in a batch SQLite rolled back itself, and nobody after it', async () => {
    const began = driver.batchForNextWrite();
    await insert(db, row('small'));
    // The next page the batch needs is one too many: SQLITE_FULL rolls the whole batch back.
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true })}`);
    const big = row('big', 'x'.repeat(8000));
    await expect(insert(db, big)).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    await expect(driver.batchCommitted(began)).rejects.toBeInstanceOf(StorageError);
    expect(stored()).toEqual([]);

    sqlite.pragma('max_page_count = 1073741823');
    const later = driver.batchForNextWrite();
    await insert(db, row('later'));
    await driver.batchCommitted(later);
    expect(stored()).toEqual(['later']);
    // A request that began before the loss still hears of it.
    await expect(driver.batchCommitted(began)).rejects.toBeInstanceOf(StorageError);
  });
});
