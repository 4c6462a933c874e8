import type { Kysely } from 'kysely';

/**
 * What signing in with a passkey records (DESIGN §4b): when it was last used, whether its
 * signature counter went back (a possible clone), and the name its user gave it.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema.alterTable('passkeys').addColumn('last_used_at', 'text').execute();
  await db.schema
    .alterTable('passkeys')
    .addColumn('possibly_cloned', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('passkeys').addColumn('nickname', 'text').execute();
}
