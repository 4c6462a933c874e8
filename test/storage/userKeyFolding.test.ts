import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createUserRepository } from '../../storage/createUserRepository';
import { StorageError } from '../../storage/StorageError';
import { openRecordDatabase } from '../../storage/sqlite/openRecordDatabase';
import { migrateUpTo, recordsFilePerTest } from './support/migrateUpTo';

const paths = recordsFilePerTest('keyform-fold-');

/** A records.sqlite as the previous version left it, holding `users` [tenant, store, userKey]. */
async function previousDatabase(users: Array<[string, string, string]>) {
  await migrateUpTo(paths.file, '0004_user_key_folded');
  const sqlite = new Database(paths.file);
  const insert = sqlite.prepare(
    `insert into users (id, tenant_id, store_name, user_key, external_id, status, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'ACTIVE', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  users.forEach(([tenant, store, key], i) => {
    insert.run(`id-${i}`, tenant, store, key, `ext-${i}`);
  });
  sqlite.close();
}

const usersTable = () => {
  const sqlite = new Database(paths.file, { readonly: true });
  try {
    return {
      columns: (sqlite.prepare('pragma table_info(users)').all() as Array<{ name: string }>).map(
        (c) => c.name,
      ),
      rows: sqlite.prepare('select id, user_key from users order by seq').all(),
      migrations: sqlite.prepare('select name from kysely_migration order by name').all(),
    };
  } finally {
    sqlite.close();
  }
};

describe('migration 0004: user names fold (case and Unicode spelling)', () => {
  it('folds the users the previous version stored; a case variant is then a conflict', async () => {
    await previousDatabase([
      ['default', 'default', 'Ada'],
      ['default', 'default', 'Straße'],
      ['default', 'other', 'ADA'],
      ['acme', 'default', 'ada'],
    ]);
    const { db, close } = await openRecordDatabase({ file: paths.file, synchronous: 'NORMAL' });
    try {
      const users = createUserRepository(db);
      const scope = { tenantId: 'default', storeName: 'default' };
      expect((await users.findByUserKey(scope, 'ADA'))?.userKey).toBe('Ada');
      expect((await users.findByUserKey(scope, 'strasse'))?.userKey).toBe('Straße');
      expect((await users.findByUserKey({ ...scope, storeName: 'other' }, 'ada'))?.id).toBe('id-2');
      const copy = (await users.findById(scope, 'id-0'))!;
      expect(await users.insert({ ...copy, id: 'new', externalId: 'new', userKey: 'aDA' })).toEqual(
        { ok: false, conflict: 'userKey' },
      );
    } finally {
      await close();
    }
  });

  it('refuses, naming them, users that already clash once folded, and changes nothing', async () => {
    await previousDatabase([
      ['default', 'default', 'Ada'],
      ['default', 'default', 'ada'],
      ['default', 'default', 'Rene\u0301'],
      ['default', 'default', 'REN\u00C9'],
      ['default', 'default', 'grace'],
    ]);
    const before = usersTable();
    const error = await openRecordDatabase({ file: paths.file, synchronous: 'NORMAL' }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect(error.code).toBe('STORAGE_CORRUPT');
    expect(error.message).toContain("'Ada' (id id-0), 'ada' (id id-1)");
    expect(error.message).toContain("'Rene\u0301' (id id-2), 'REN\u00C9' (id id-3)");
    expect(error.message).not.toContain('grace');
    expect(error.message).toMatch(/start the previous Keyform version, rename/);
    // Rolled back: no column, no migration row, every user still there.
    expect(usersTable()).toEqual(before);
    expect(before.columns).not.toContain('user_key_folded');

    // Once renamed (as the previous version's PATCH would), the same file opens.
    const sqlite = new Database(paths.file);
    sqlite.prepare(`update users set user_key = 'ada-2' where id = 'id-1'`).run();
    sqlite.prepare(`update users set user_key = 'rené-2' where id = 'id-3'`).run();
    sqlite.close();
    const reopened = await openRecordDatabase({ file: paths.file, synchronous: 'NORMAL' });
    await reopened.close();
    expect(usersTable().migrations).toContainEqual({ name: '0004_user_key_folded' });
    expect(usersTable().rows).toHaveLength(5);
  });
});
