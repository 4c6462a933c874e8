import Database from 'better-sqlite3';
import { Kysely, type Migration, Migrator } from 'kysely';
import { createGroupCommit, type GroupCommit, type Sync } from './createGroupCommit';
import { createRecordDriver } from './createRecordDriver';
import { foldUserKey } from './foldUserKey';
import * as m0001 from './migrations/m0001_identity';
import * as m0002 from './migrations/m0002_process_instances';
import * as m0003 from './migrations/m0003_credential_binding_jobs';
import * as m0004 from './migrations/m0004_user_key_folded';
import { executeDirectly } from './prepareQuery';
import type { RecordTables } from './RecordTables';
import { StorageError } from './StorageError';
import { startCheckpointer } from './startCheckpointer';
import { startSyncThread } from './startSyncThread';

const migrations: Record<string, Migration> = {
  '0001_identity': m0001,
  '0002_process_instances': m0002,
  '0003_credential_binding_jobs': m0003,
  '0004_user_key_folded': m0004,
};

export type RecordDatabase = Kysely<RecordTables>;

/**
 * Open the record database: SQLite in WAL mode, writes batched per event-loop turn
 * (createRecordDriver). With `synchronous: 'FULL'` (the default) every commit is on disk before
 * it is acknowledged: SQLite runs with NORMAL and `durable()` resolves once the WAL holding all
 * earlier commits is synced, one sync per group of commits, off the event loop
 * (createGroupCommit). With 'NORMAL' (tests) `durable()` waits for the COMMIT, not the disk.
 * Runs pending migrations.
 */
export async function openRecordDatabase({
  file,
  synchronous = 'FULL',
  sync,
}: {
  file: string;
  synchronous?: 'FULL' | 'NORMAL';
  /** How the WAL is synced (fdatasync on a thread of its own); tests pass their own. */
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
    // For migration 0004, which folds existing user names: the fold is Unicode-aware, SQL's is not.
    sqlite.function('fold_user_key', { deterministic: true }, (key) => foldUserKey(String(key)));
  } catch (error) {
    sqlite?.close();
    throw new StorageError(
      'STORAGE_CORRUPT',
      `${file} is not a usable SQLite database; restore it from a backup or move it away (Keyform will not overwrite it)`,
      { cause: error },
    );
  }
  const syncThread = synchronous === 'FULL' && !sync ? startSyncThread() : undefined;
  const commits: GroupCommit =
    synchronous === 'FULL'
      ? createGroupCommit({ walFile: `${file}-wal`, sync: sync ?? syncThread?.sync })
      : { wrote: () => undefined, durable: async () => undefined, close: async () => undefined };
  const driver = createRecordDriver({ sqlite, onCommit: commits.wrote });
  const db = new Kysely<RecordTables>({ dialect: driver.dialect });
  executeDirectly(db, driver.executeNow);
  /**
   * Resolves once every record write made so far is on disk (with 'NORMAL': committed): the
   * batch open now has committed and a WAL sync that began after that COMMIT has finished.
   * Rejects with STORAGE_UNAVAILABLE, also when a batch lost since `since` (a `mark()`) may have
   * held the caller's writes.
   */
  let settling: { batch: Promise<void>; durable: Promise<void> } | undefined;
  const durable = (since = driver.mark()): Promise<void> => {
    const pending = driver.settled(since);
    if (!pending) return commits.durable();
    // Everybody waiting for the same batch shares one promise of its sync.
    if (settling?.batch !== pending) {
      settling = { batch: pending, durable: pending.then(commits.durable) };
    }
    return settling.durable;
  };
  /**
   * Resolves once the batch open now (if any) has committed, so its writes outlive `kill -9`;
   * not a power cut, which needs `durable`. Rejects like `durable` when a batch was lost.
   */
  const committed = (since = driver.mark()): Promise<void> =>
    driver.settled(since) ?? Promise.resolve();
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    // Rolled back; let go of the file so the operator can fix it (or start the previous version).
    await commits.close();
    await syncThread?.stop();
    await db.destroy();
    // A migration that refuses the data says why in a StorageError of its own.
    if (error instanceof StorageError) throw error;
    throw new StorageError('STORAGE_UNAVAILABLE', 'migration failed', { cause: error });
  }
  // Migrated, committed and on disk before anything is served.
  await durable();
  const checkpointer = synchronous === 'FULL' ? startCheckpointer({ file }) : undefined;
  return {
    db,
    sqlite,
    durable,
    committed,
    /** Where a request begins, for `durable(since)`. */
    mark: driver.mark,
    /** The checkpointer's connection goes first: the last one to close checkpoints and removes the WAL. */
    close: async () => {
      await durable().catch(() => undefined);
      await checkpointer?.stop();
      await commits.close();
      await syncThread?.stop();
      await db.destroy();
    },
  };
}
