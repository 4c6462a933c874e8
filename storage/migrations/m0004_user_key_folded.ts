import { type Kysely, sql } from 'kysely';
import { StorageError } from '../StorageError';

/**
 * `users.user_key_folded` (foldUserKey) under a unique index per tenant and store, so user names
 * that differ only by case or Unicode spelling are one name. Existing rows are folded by the
 * `fold_user_key` SQL function openRecordDatabase registers (SQLite's `lower()` is ASCII-only).
 * Rows that already clash once folded were legal before: nothing is merged or dropped, the
 * migration refuses before it changes anything, naming them, so the operator renames all but one
 * with the previous version (which still opens the file) and starts again.
 */
export async function up(db: Kysely<unknown>) {
  // Read-only first: SQLite migrations run without a transaction of their own (Kysely), so a
  // refusal after the ALTER would leave the column behind.
  const { rows } = await sql<{ tenant_id: string; store_name: string; names: string }>`
    select tenant_id, store_name,
      json_group_array(json_object('id', id, 'userKey', user_key) order by seq) as names
    from users group by tenant_id, store_name, fold_user_key(user_key) having count(*) > 1
    limit 20`.execute(db);
  if (rows.length > 0) throw clashing(rows);
  await db.schema
    .alterTable('users')
    .addColumn('user_key_folded', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update users set user_key_folded = fold_user_key(user_key)`.execute(db);
  await db.schema
    .createIndex('users_user_key_folded')
    .unique()
    .on('users')
    .columns(['tenant_id', 'store_name', 'user_key_folded'])
    .execute();
}

function clashing(rows: Array<{ tenant_id: string; store_name: string; names: string }>) {
  const groups = rows.map(({ tenant_id, store_name, names }) => {
    const users = (JSON.parse(names) as Array<{ id: string; userKey: string }>)
      .map((u) => `'${u.userKey}' (id ${u.id})`)
      .join(', ');
    return `tenant '${tenant_id}', store '${store_name}': ${users}`;
  });
  return new StorageError(
    'STORAGE_CORRUPT',
    `records.sqlite has user names that differ only by case or Unicode spelling, which this version treats as one name: ${groups.join('; ')}${rows.length === 20 ? '; and maybe more' : ''}. Nothing was changed: start the previous Keyform version, rename all but one of each group (PATCH /api/identity-store/stores/{store}/users/{id} {"userKey"}), then start this version again`,
  );
}
