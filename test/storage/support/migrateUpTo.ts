import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import { foldUserKey } from '../../../storage/foldUserKey';
import { recordMigrations } from '../../../storage/migrations/recordMigrations';

/**
 * A records.sqlite as an earlier version left it: every migration before `next` has run.
 * The file is the one returned by `recordsFilePerTest`.
 */
export async function migrateUpTo(file: string, next: string): Promise<void> {
  const all = Object.entries(recordMigrations);
  const stop = all.findIndex(([name]) => name === next);
  if (stop < 0) throw new Error(`no migration named ${next}`);
  const migrations = Object.fromEntries(all.slice(0, stop));
  const database = new Database(file);
  database.function('fold_user_key', { deterministic: true }, (key) => foldUserKey(String(key)));
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  await db.destroy();
  if (error) throw error;
}

/** A fresh records.sqlite path per test, in a directory removed after it. */
export function recordsFilePerTest(prefix: string): { readonly file: string } {
  let dir = '';
  const paths = { file: '' };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
    paths.file = join(dir, 'records.sqlite');
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));
  return paths;
}
