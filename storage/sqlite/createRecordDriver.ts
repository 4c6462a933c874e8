import type Database from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { DirectExecution } from '../DirectExecution';
import { StorageError } from '../StorageError';
import { createSharedPromise, type SharedPromise } from './createSharedPromise';
import { guardStatement } from './guardStatement';

type Statement = ReturnType<typeof guardStatement> & { readonly: boolean };
/** A write batch, numbered from 1; its promise settles when it commits or is lost. */
type Batch = SharedPromise & { number: number };

/**
 * The one SQLite connection every request shares, as a Kysely dialect, with write batches: the
 * first write of an event-loop turn opens a transaction and the turn's other writes join it; it
 * commits once the turn is over (setImmediate), or as soon as a Kysely transaction that still
 * holds the connection then lets go of it. One COMMIT per turn instead of one per write: SQLite
 * appends each changed page to the WAL once per commit, so a turn of inserts into the same
 * pages costs one append. A Kysely transaction is a SAVEPOINT inside the batch, and holds the
 * connection until it ends, so nothing of anybody else's lands in it or is rolled back with it.
 *
 * Nothing is acknowledged before its batch committed (`batchCommitted`). When SQLite rolls a
 * whole batch back by itself (SQLITE_FULL, SQLITE_IOERR, ...; see
 * https://www.sqlite.org/lang_transaction.html#response_to_errors_within_a_transaction),
 * every request that may have written in it gets a 503: `batchCommitted(since)` refuses anybody
 * who began at or before a lost batch.
 *
 * Its adapter offers prepareQuery direct execution (DirectExecution): a compiled query runs on
 * the connection at once, skipping Kysely's executor, whenever no transaction holds it.
 */
export function createRecordDriver({
  sqlite,
  onCommit,
}: {
  sqlite: Database.Database;
  /** Called after each COMMIT, before anybody waiting for it hears of it (the group commit). */
  onCommit: () => void;
}) {
  const cache = new Map<string, Statement>();
  const statement = (source: string) => {
    let prepared = cache.get(source);
    if (!prepared) {
      const raw = sqlite.prepare(source);
      prepared = { ...guardStatement(raw), readonly: raw.readonly };
      if (cache.size < 500) cache.set(source, prepared);
    }
    return prepared;
  };
  const run = (source: string) => statement(source).run([]);

  let held = false;
  const waiting: Array<() => void> = [];
  let batch: Batch | undefined;
  /** The number of the latest batch opened. */
  let opened = 0;
  /** The latest batch SQLite rolled back by itself, and what its writers are told. */
  let lost: { number: number; error: StorageError } | undefined;
  let commitDue = false;

  const open = () => {
    if (batch) return;
    run('begin');
    batch = Object.assign(createSharedPromise(), { number: ++opened });
    setImmediate(commitWhenFree);
  };

  const lose = (cause: unknown) => {
    const gone = batch!;
    batch = undefined;
    lost = {
      number: gone.number,
      error: new StorageError('STORAGE_UNAVAILABLE', 'record database: a write batch was lost', {
        cause,
      }),
    };
    gone.reject(lost.error);
  };

  const commit = () => {
    commitDue = false;
    if (!batch) return;
    try {
      run('commit');
    } catch (error) {
      try {
        if (sqlite.inTransaction) run('rollback');
      } finally {
        lose(error);
      }
      return;
    }
    const done = batch;
    batch = undefined;
    onCommit();
    done.resolve();
  };
  function commitWhenFree() {
    if (held) commitDue = true;
    else commit();
  }

  const execute = (source: string, parameters: readonly unknown[]): QueryResult<unknown> => {
    const prepared = statement(source);
    if (!prepared.readonly) open();
    try {
      if (prepared.reader) return { rows: prepared.all(parameters as unknown[]) };
      const { changes, lastInsertRowid } = prepared.run(parameters as unknown[]);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    } catch (error) {
      // The statement failed; if SQLite rolled the whole batch back with it, the batch is lost.
      if (batch && !sqlite.inTransaction) lose(error);
      throw error;
    }
  };

  const connection: DatabaseConnection = {
    executeQuery: async <R>(query: CompiledQuery) =>
      execute(query.sql, query.parameters) as QueryResult<R>,
    streamQuery: () => {
      throw new Error('streaming is not supported by the record database');
    },
  };

  const driver: Driver = {
    init: async () => undefined,
    acquireConnection: async () => {
      if (held) await new Promise<void>((handedOver) => waiting.push(handedOver));
      else held = true;
      return connection;
    },
    beginTransaction: async () => {
      open();
      run('savepoint kf_transaction');
    },
    commitTransaction: async () => {
      run('release kf_transaction');
    },
    rollbackTransaction: async () => {
      // After SQLite rolled everything back itself there is no savepoint left to return to.
      if (!sqlite.inTransaction) return;
      run('rollback to kf_transaction');
      run('release kf_transaction');
    },
    releaseConnection: async () => {
      if (commitDue) commit();
      const next = waiting.shift();
      if (next) next();
      else held = false;
    },
    destroy: async () => {
      commit();
      sqlite.close();
    },
  };

  const directExecution: DirectExecution = {
    // A transaction holding the connection would take the query in: it goes through Kysely.
    executeDirectly: (query) => (held ? undefined : execute(query.sql, query.parameters)),
  };
  const dialect: Dialect = {
    createDriver: () => driver,
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createAdapter: () => Object.assign(new SqliteAdapter(), directExecution),
    createIntrospector: (db) => new SqliteIntrospector(db),
  };

  return {
    dialect,
    /** The number of the first batch a write made from now on may land in: the open one counts. */
    batchForNextWrite: () => (batch ? opened : opened + 1),
    /**
     * Resolves once the batch open now (if any) committed; rejects with STORAGE_UNAVAILABLE when
     * it, or any batch numbered `since` or later, was lost. Undefined when there is nothing to
     * wait for.
     */
    batchCommitted: (since: number): Promise<void> | undefined => {
      if (lost && lost.number >= since) return Promise.reject(lost.error);
      return batch?.promise;
    },
  };
}

export type RecordDriver = ReturnType<typeof createRecordDriver>;
