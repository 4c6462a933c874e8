import type { Kysely } from 'kysely';

/**
 * Authentication links (the sign-in counterpart of a binding link): a sign-in session may carry
 * the sha256 of a link's secret, unique so the secret alone finds its session. Null for sessions
 * started without a link; the row's purge takes the hash with it.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema.alterTable('authentication_sessions').addColumn('link_hash', 'text').execute();
  await db.schema
    .createIndex('authentication_sessions_link_hash')
    .on('authentication_sessions')
    .column('link_hash')
    .unique()
    .execute();
}
