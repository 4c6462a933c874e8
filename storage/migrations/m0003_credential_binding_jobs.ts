import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('credential_binding_jobs')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('store_name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('delivery_method', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('post_binding_redirect_uri', 'text')
    .addColumn('authenticator_config_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('completion_hash', 'text')
    .addColumn('session_id', 'text')
    .addColumn('credential_id', 'text')
    .addColumn('failure_code', 'text')
    .addColumn('expires_at', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('credential_binding_jobs_realm')
    .on('credential_binding_jobs')
    .columns(['tenant_id', 'store_name', 'seq'])
    .execute();
  await db.schema
    .createIndex('credential_binding_jobs_identity')
    .on('credential_binding_jobs')
    .columns(['tenant_id', 'store_name', 'user_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('credential_binding_jobs_expiry')
    .on('credential_binding_jobs')
    .columns(['state', 'expires_at'])
    .execute();
}
