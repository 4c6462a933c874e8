import type { Kysely } from 'kysely';

/**
 * Console sessions: the integrator console's sign-in, exchanged once for an API token. Only the
 * sha256 of the session's secret is kept (the cookie holds the secret), with the token it acts
 * as, the hash of that token's secret (so a revoked, expired or replaced token ends the session
 * at its next use), its tenant and expiry. Records, not a definition file: they survive a restart
 * and serve every process of one data directory.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('console_sessions')
    .addColumn('secret_hash', 'text', (c) => c.primaryKey())
    .addColumn('token_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('console_sessions_expires_at')
    .on('console_sessions')
    .column('expires_at')
    .execute();
}
