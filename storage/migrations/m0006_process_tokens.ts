import type { Kysely } from 'kysely';

/**
 * Start links become records: a single-use link is claimed by one row's compare-and-set instead
 * of a rewrite of processes.json, which grew with every link and was rewritten on every start.
 * openStorage moves the links an older processes.json holds.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('process_tokens')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('process_defn_name', 'text', (c) => c.notNull())
    .addColumn('process_defn_version', 'integer')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('process_tokens_tenant')
    .on('process_tokens')
    .columns(['tenant_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('process_tokens_name')
    .on('process_tokens')
    .columns(['tenant_id', 'name', 'seq'])
    .execute();
}
