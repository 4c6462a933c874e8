import Database from 'better-sqlite3';
import { Kysely, Migrator } from 'kysely';
import { foldUserKey } from '../foldUserKey';
import { recordMigrations } from '../migrations/recordMigrations';
import type { RecordDurability } from '../RecordDurability';
import type { RecordTables } from '../RecordTables';
import { StorageError } from '../StorageError';
import { createGroupCommit, type Sync } from './createGroupCommit';
import { createRecordDriver } from './createRecordDriver';
import { createRecordDurability } from './createRecordDurability';
import { startCheckpointer } from './startCheckpointer';
import { startSyncThread } from './startSyncThread';

/**
 * Open the record database: SQLite in WAL mode, writes batched per event-loop turn
 * (createRecordDriver). With `synchronous: 'FULL'` (the default) every commit is on disk before
 * it is acknowledged: SQLite runs with NORMAL and a `'durable'` write is one whose WAL is synced,
 * one sync per group of commits, off the event loop (createGroupCommit, createRecordDurability).
 * With 'NORMAL' (tests) `'durable'` waits for the COMMIT, not the disk. Runs pending migrations.
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
    // are damaged, is refused here. Not a full quick_check: it reads every page, so its time grows
    // with the store; damage further in fails the query that reaches it (a 503, and the file is
    // never overwritten).
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
  const commits =
    synchronous === 'FULL'
      ? createGroupCommit({ walFile: `${file}-wal`, sync: sync ?? syncThread?.sync })
      : undefined;
  const driver = createRecordDriver({ sqlite, onCommit: commits?.noteCommit ?? (() => undefined) });
  const db = new Kysely<RecordTables>({ dialect: driver.dialect });
  const durability: RecordDurability = createRecordDurability({ batches: driver, commits });
  /** Resolves once every record write made so far is `'durable'`. */
  const everythingDurable = () => durability.reached(durability.begin(), 'durable');
  const migrator = new Migrator({ db, provider: { getMigrations: async () => recordMigrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    // Rolled back; let go of the file so the operator can fix it (or start the previous version).
    await commits?.close();
    await syncThread?.stop();
    await db.destroy();
    // A migration that refuses the data says why in a StorageError of its own.
    if (error instanceof StorageError) throw error;
    throw new StorageError('STORAGE_UNAVAILABLE', 'migration failed', { cause: error });
  }
  // Migrated, committed and on disk before anything is served.
  await everythingDurable();
  const checkpointer = synchronous === 'FULL' ? startCheckpointer({ file }) : undefined;
  return {
    db,
    sqlite,
    durability,
    /** The checkpointer's connection goes first: the last one to close checkpoints and removes the WAL. */
    close: async () => {
      await everythingDurable().catch(() => undefined);
      await checkpointer?.stop();
      await commits?.close();
      await syncThread?.stop();
      await db.destroy();
    },
  };
}
