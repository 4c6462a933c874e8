import type { Kysely } from 'kysely';

/** Passkey sign-in sessions (DESIGN §4b): the registration sessions' lifecycle, their own table. */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('authentication_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('store_name', 'text', (c) => c.notNull())
    .addColumn('rp_id', 'text', (c) => c.notNull())
    .addColumn('policy_name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('started_with', 'text', (c) => c.notNull())
    .addColumn('challenge', 'text', (c) => c.notNull())
    .addColumn('client_request', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('response_hash', 'text')
    .addColumn('result', 'text')
    .addColumn('failure_code', 'text')
    .addColumn('passkey_id', 'text')
    .execute();
  await db.schema
    .createIndex('authentication_sessions_expiry')
    .on('authentication_sessions')
    .column('expires_at')
    .execute();
}
