import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { RecordTables } from './RecordTables';

/** Stands in for a value while the query is built; replaced by the caller's value on each run. */
class Slot {
  constructor(readonly name: string) {}
}

type ExecuteNow = (query: {
  sql: string;
  parameters: readonly unknown[];
}) => QueryResult<unknown> | undefined;
const direct = new WeakMap<object, ExecuteNow>();

/**
 * Let prepared queries on `db` (not on its transactions, which go through Kysely) run through
 * `executeNow`, skipping Kysely's executor, whenever it takes them.
 */
export function executeDirectly(db: Kysely<RecordTables>, executeNow: ExecuteNow) {
  direct.set(db, executeNow);
}

/**
 * A query built and compiled once per dialect, then run with new values: Kysely otherwise builds
 * its operation tree, freezes it and compiles the same SQL again on every call, ~10 µs and much
 * garbage per query on the hot path. `build` gets `slot(name)` for a value that varies, and
 * `slots`, every value of the first call's `args` as a slot (for an insert of a whole row: its
 * keys must be the same on every call). The SQL stays Kysely's, so another dialect gets its own
 * (https://kysely.dev/docs/recipes/splitting-query-building-and-execution). On the record
 * database's own connection it also skips Kysely's executor (`executeDirectly`).
 */
export function prepareQuery<Args extends object, Row>(
  build: (
    db: Kysely<RecordTables>,
    slot: <K extends keyof Args & string>(name: K) => Args[K],
    slots: Args,
  ) => Compilable<Row>,
) {
  const compiled = new WeakMap<object, { sql: string; parameters: readonly unknown[] }>();
  return (db: Kysely<RecordTables>, args: Args): Promise<QueryResult<Row>> => {
    // The adapter is the dialect's, shared by a database and its transactions.
    const dialect = db.getExecutor().adapter;
    let query = compiled.get(dialect);
    if (!query) {
      const slots = Object.fromEntries(Object.keys(args).map((name) => [name, new Slot(name)]));
      query = build(db, (name) => new Slot(name) as never, slots as Args).compile();
      compiled.set(dialect, query);
    }
    const parameters = query.parameters.map((value) =>
      value instanceof Slot ? args[value.name as keyof Args] : value,
    );
    const executeNow = direct.get(db);
    if (executeNow) {
      try {
        const result = executeNow({ sql: query.sql, parameters });
        if (result) return Promise.resolve(result as QueryResult<Row>);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return db.executeQuery(CompiledQuery.raw(query.sql, parameters) as CompiledQuery<Row>);
  };
}
