import Database from 'better-sqlite3';
import { Kysely, type Migration, Migrator, SqliteDialect } from 'kysely';
import { guardStatement } from './guardStatement';
import * as m0001 from './migrations/m0001_identity';
import * as m0002 from './migrations/m0002_process_instances';
import * as m0003 from './migrations/m0003_credential_binding_jobs';
import type { RecordTables } from './RecordTables';
import { StorageError } from './StorageError';

const migrations: Record<string, Migration> = {
  '0001_identity': m0001,
  '0002_process_instances': m0002,
  '0003_credential_binding_jobs': m0003,
};

export type RecordDatabase = Kysely<RecordTables>;

/**
 * Open the record database: SQLite in WAL mode with `synchronous = FULL`, so a commit that
 * returned is on disk before the response goes out. Runs pending migrations.
 */
export async function openRecordDatabase({
  file,
  synchronous = 'FULL',
}: {
  file: string;
  synchronous?: 'FULL' | 'NORMAL';
}) {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${synchronous}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const [check] = sqlite.pragma('quick_check', { simple: false }) as Array<{
      quick_check: string;
    }>;
    if (check?.quick_check !== 'ok') throw new Error(`quick_check: ${check?.quick_check}`);
  } catch (error) {
    sqlite?.close();
    throw new StorageError(
      'STORAGE_CORRUPT',
      `${file} is not a usable SQLite database; restore it from a backup or move it away (Keyform will not overwrite it)`,
      { cause: error },
    );
  }
  const db = new Kysely<RecordTables>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw new StorageError('STORAGE_UNAVAILABLE', 'migration failed', { cause: error });
  return { db, sqlite };
}

/** Kysely prepares every query anew; reusing prepared statements saves that on the hot path. */
function withStatementCache(sqlite: Database.Database) {
  const cache = new Map<string, ReturnType<typeof guardStatement>>();
  return {
    close: () => sqlite.close(),
    prepare: (source: string) => {
      let statement = cache.get(source);
      if (!statement) {
        statement = guardStatement(sqlite.prepare(source));
        if (source === 'rollback') statement = skipWhenRolledBack(sqlite, statement);
        if (cache.size < 500) cache.set(source, statement);
      }
      return statement;
    },
  };
}

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, ...);
 * Kysely's ROLLBACK would then fail with "no transaction is active" and hide the real error
 * (a 503) behind a 500. https://www.sqlite.org/lang_transaction.html#response_to_errors_within_a_transaction
 */
function skipWhenRolledBack(
  sqlite: Database.Database,
  statement: ReturnType<typeof guardStatement>,
): ReturnType<typeof guardStatement> {
  return {
    ...statement,
    run: (params) =>
      sqlite.inTransaction ? statement.run(params) : { changes: 0, lastInsertRowid: 0 },
  };
}
