import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import { type DirectExecution, directExecutionOf } from './DirectExecution';
import type { RecordTables } from './RecordTables';

/** Stands in for a value while the query is built; replaced by the caller's value on each run. */
class Slot {
  constructor(readonly name: string) {}
}

/** A query compiled for one dialect, and that dialect's direct execution if it has one. */
type Compiled = { sql: string; parameters: readonly unknown[]; direct?: DirectExecution };

/**
 * A query built and compiled once per dialect, then run with new values: Kysely otherwise builds
 * its operation tree, freezes it and compiles the same SQL again on every call, which costs time
 * and garbage on every query of the hot path. `build` gets `slot(name)` for a value that varies,
 * and `slots`, every value of the first call's `args` as a slot (for an insert of a whole row:
 * its keys must be the same on every call). The SQL stays Kysely's, so another dialect gets its
 * own (https://kysely.dev/docs/recipes/splitting-query-building-and-execution). When the
 * dialect offers direct execution (DirectExecution), the query skips Kysely's executor whenever
 * the dialect takes it.
 */
export function prepareQuery<Args extends object, Row>(
  build: (
    db: Kysely<RecordTables>,
    slot: <K extends keyof Args & string>(name: K) => Args[K],
    slots: Args,
  ) => Compilable<Row>,
) {
  const compiled = new WeakMap<object, Compiled>();
  return (db: Kysely<RecordTables>, args: Args): Promise<QueryResult<Row>> => {
    // The adapter is the dialect's, shared by a database and its transactions.
    const adapter = db.getExecutor().adapter;
    let query = compiled.get(adapter);
    if (!query) {
      const slots = Object.fromEntries(Object.keys(args).map((name) => [name, new Slot(name)]));
      const { sql, parameters } = build(
        db,
        (name) => new Slot(name) as never,
        slots as Args,
      ).compile();
      query = { sql, parameters, direct: directExecutionOf(adapter) };
      compiled.set(adapter, query);
    }
    const parameters = query.parameters.map((value) =>
      value instanceof Slot ? args[value.name as keyof Args] : value,
    );
    if (query.direct) {
      try {
        const result = query.direct.executeDirectly({ sql: query.sql, parameters });
        if (result) return Promise.resolve(result as QueryResult<Row>);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return db.executeQuery(CompiledQuery.raw(query.sql, parameters) as CompiledQuery<Row>);
  };
}
