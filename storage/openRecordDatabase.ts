import Database from 'better-sqlite3';
import { Kysely, type Migration, Migrator, SqliteDialect } from 'kysely';
import { createGroupCommit, type GroupCommit, type Sync } from './createGroupCommit';
import { guardStatement } from './guardStatement';
import * as m0001 from './migrations/m0001_identity';
import * as m0002 from './migrations/m0002_process_instances';
import * as m0003 from './migrations/m0003_credential_binding_jobs';
import type { RecordTables } from './RecordTables';
import { StorageError } from './StorageError';
import { startCheckpointer } from './startCheckpointer';

const migrations: Record<string, Migration> = {
  '0001_identity': m0001,
  '0002_process_instances': m0002,
  '0003_credential_binding_jobs': m0003,
};

export type RecordDatabase = Kysely<RecordTables>;

/**
 * Open the record database: SQLite in WAL mode. With `synchronous: 'FULL'` (the default) every
 * commit is on disk before it is acknowledged: SQLite runs with NORMAL and `durable()` resolves
 * once the WAL holding all earlier commits is synced, one sync per group of commits, off the
 * event loop (createGroupCommit). With 'NORMAL' (tests) `durable()` does not wait for the disk.
 * Runs pending migrations.
 */
export async function openRecordDatabase({
  file,
  synchronous = 'FULL',
  sync,
}: {
  file: string;
  synchronous?: 'FULL' | 'NORMAL';
  /** How the WAL is synced (fs.fdatasync); tests pass their own to see when it happens. */
  sync?: Sync;
}) {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // The header and the schema must read back, so a file that is not SQLite, or whose first pages
    // are damaged, is refused here. Not a full quick_check: it reads every page (0.9 s at 1M
    // users, growing with the store); damage further in fails the query that reaches it (a 503,
    // and the file is never overwritten).
    sqlite.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    sqlite?.close();
    throw new StorageError(
      'STORAGE_CORRUPT',
      `${file} is not a usable SQLite database; restore it from a backup or move it away (Keyform will not overwrite it)`,
      { cause: error },
    );
  }
  const commits: GroupCommit =
    synchronous === 'FULL'
      ? createGroupCommit({ walFile: `${file}-wal`, sync })
      : { wrote: () => undefined, durable: async () => undefined, close: async () => undefined };
  const db = new Kysely<RecordTables>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite, commits) }),
  });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw new StorageError('STORAGE_UNAVAILABLE', 'migration failed', { cause: error });
  const checkpointer = synchronous === 'FULL' ? startCheckpointer({ file }) : undefined;
  return {
    db,
    sqlite,
    durable: commits.durable,
    /** The checkpointer's connection goes first: the last one to close checkpoints and removes the WAL. */
    close: async () => {
      await checkpointer?.stop();
      await commits.close();
      await db.destroy();
    },
  };
}

/**
 * Kysely prepares every query anew; reusing prepared statements saves that on the hot path.
 * Every statement that may write (COMMIT included) is counted for the group commit.
 */
function withStatementCache(sqlite: Database.Database, commits: Pick<GroupCommit, 'wrote'>) {
  const cache = new Map<string, ReturnType<typeof guardStatement>>();
  return {
    close: () => sqlite.close(),
    prepare: (source: string) => {
      let statement = cache.get(source);
      if (!statement) {
        const prepared = sqlite.prepare(source);
        statement = countWrites(guardStatement(prepared), prepared.readonly, commits);
        if (source === 'rollback') statement = skipWhenRolledBack(sqlite, statement);
        if (cache.size < 500) cache.set(source, statement);
      }
      return statement;
    },
  };
}

/**
 * `run` is how Kysely executes everything that is not a plain query (BEGIN, COMMIT, INSERT, ...);
 * a reader that writes (`... RETURNING`) is not read-only. SQLite calls COMMIT read-only, which is
 * why every `run` counts: the acknowledgement must wait for a sync that began after the COMMIT.
 */
function countWrites(
  statement: ReturnType<typeof guardStatement>,
  readonly: boolean,
  commits: Pick<GroupCommit, 'wrote'>,
): ReturnType<typeof guardStatement> {
  const counted =
    <A extends unknown[], R>(execute: (...args: A) => R) =>
    (...args: A): R => {
      const result = execute(...args);
      commits.wrote();
      return result;
    };
  return {
    ...statement,
    run: counted(statement.run),
    ...(readonly ? {} : { all: counted(statement.all) }),
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
