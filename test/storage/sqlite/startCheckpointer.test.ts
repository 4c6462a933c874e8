import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRecordDatabase } from '../../../storage/sqlite/openRecordDatabase';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyform-checkpoint-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** Rows present in the database file itself, ignoring the WAL: what checkpoints copied there. */
async function rowsInMainFile(file: string) {
  const copy = join(dir, 'main-file-only.sqlite');
  await copyFile(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    // Without a checkpoint even the tables (the migrations) are still only in the WAL.
    const tables = db.prepare("select name from sqlite_master where name = 'user_handles'").all();
    if (tables.length === 0) return 0;
    return (db.prepare('select count(*) as n from user_handles').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Writes 20 rows, then waits (up to `waitMs`) for all of them to reach the database file. */
async function writeHandles(synchronous: 'FULL' | 'NORMAL', waitMs: number) {
  const file = join(dir, 'records.sqlite');
  const records = await openRecordDatabase({ file, synchronous });
  for (let i = 0; i < 20; i++) {
    await records.db
      .insertInto('user_handles')
      .values({ tenant_id: 't', user_id: `u${i}`, rp_id: 'localhost', user_handle: `h${i}` })
      .execute();
  }
  await records.durability.reached(records.durability.begin(), 'durable');
  let copied = 0;
  for (const deadline = Date.now() + waitMs; copied < 20 && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 50));
    // A copy taken while a checkpoint writes may be torn: read again.
    copied = await rowsInMainFile(file).catch(() => 0);
  }
  await records.close();
  return copied;
}

describe('startCheckpointer', () => {
  it('copies committed writes into the database file from its own thread', async () => {
    // 20 small commits are far below SQLite's own automatic checkpoint (1,000 pages).
    expect(await writeHandles('FULL', 5_000)).toBe(20);
  });

  it('is what did it: without it (tests’ NORMAL mode) the rows are still only in the WAL', async () => {
    expect(await writeHandles('NORMAL', 300)).toBe(0);
  });
});
