import type { DialectAdapter, QueryResult } from 'kysely';

/**
 * What a dialect's adapter may offer prepareQuery: run a compiled query at once, skipping
 * Kysely's executor (its per-query promises, connection lock and result plugins). Only a
 * dialect whose connection runs statements synchronously in this process can (the embedded
 * SQLite one, storage/sqlite/createRecordDriver.ts); any other simply leaves it out.
 */
export interface DirectExecution {
  /**
   * The query's result, or undefined when it cannot run now (a transaction holds the
   * connection) and must go through Kysely, which waits its turn.
   */
  executeDirectly(query: {
    sql: string;
    parameters: readonly unknown[];
  }): QueryResult<unknown> | undefined;
}

/** The adapter's direct execution, if its dialect offers one. */
export function directExecutionOf(adapter: DialectAdapter): DirectExecution | undefined {
  return 'executeDirectly' in adapter ? (adapter as DialectAdapter & DirectExecution) : undefined;
}
