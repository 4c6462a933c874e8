import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareQuery } from '../../storage/prepareQuery';
import type { UserHandleRow } from '../../storage/RecordTables';
import { openRecordDatabase } from '../../storage/sqlite/openRecordDatabase';

let dir: string;
let records: Awaited<ReturnType<typeof openRecordDatabase>>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyform-prepare-'));
  records = await openRecordDatabase({ file: join(dir, 'records.sqlite'), synchronous: 'NORMAL' });
});
afterEach(async () => {
  await records.close();
  await rm(dir, { recursive: true, force: true });
});

const handle = (userId: string): UserHandleRow => ({
  tenant_id: 't',
  user_id: userId,
  rp_id: 'localhost',
  user_handle: `h-${userId}`,
});

describe('prepareQuery', () => {
  it('builds and compiles once, then runs with each call’s values', async () => {
    let builds = 0;
    const insert = prepareQuery<UserHandleRow, never>((db, _slot, row) => {
      builds++;
      return db.insertInto('user_handles').values(row);
    });
    const find = prepareQuery<{ userId: string }, { user_handle: string }>((db, slot) => {
      builds++;
      return db
        .selectFrom('user_handles')
        .select('user_handle')
        .where('user_id', '=', slot('userId'));
    });
    await insert(records.db, handle('a'));
    await insert(records.db, handle('b'));
    expect((await find(records.db, { userId: 'a' })).rows).toEqual([{ user_handle: 'h-a' }]);
    expect((await find(records.db, { userId: 'b' })).rows).toEqual([{ user_handle: 'h-b' }]);
    expect((await find(records.db, { userId: 'c' })).rows).toEqual([]);
    expect(builds).toBe(2);
  });

  it('runs inside the transaction it is given, so a rollback takes its writes back', async () => {
    const insert = prepareQuery<UserHandleRow, never>((db, _slot, row) =>
      db.insertInto('user_handles').values(row),
    );
    await records.db
      .transaction()
      .execute(async (trx) => {
        await insert(trx, handle('a'));
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await insert(records.db, handle('b'));
    const rows = records.sqlite.prepare('select user_id from user_handles').all();
    expect(rows).toEqual([{ user_id: 'b' }]);
  });
});
