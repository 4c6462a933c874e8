import type { Kysely, Selectable } from 'kysely';
import type { ConsoleSessionRecord } from './ConsoleSessionRecord';
import { prepareQuery } from './prepareQuery';
import type { ConsoleSessionRow, RecordTables } from './RecordTables';

type Row = Selectable<ConsoleSessionRow>;

/** Read on every console request: prepared once. */
const findQuery = prepareQuery<{ secretHash: string }, Row>((db, slot) =>
  db.selectFrom('console_sessions').selectAll().where('secret_hash', '=', slot('secretHash')),
);

/** Console sessions (migration 0010), keyed by the sha256 of their secret. */
export function createConsoleSessionRepository(db: Kysely<RecordTables>) {
  return {
    async insert(session: ConsoleSessionRecord) {
      await db
        .insertInto('console_sessions')
        .values({
          secret_hash: session.secretHash,
          token_id: session.tokenId,
          token_hash: session.tokenHash,
          tenant_id: session.tenantId,
          expires_at: session.expiresAt,
          created_at: session.createdAt,
        })
        .execute();
    },

    /** The session whose secret hashes to `secretHash`, expired or not (the caller judges). */
    async find(secretHash: string): Promise<ConsoleSessionRecord | undefined> {
      const [row] = (await findQuery(db, { secretHash })).rows;
      return row ? fromRow(row) : undefined;
    },

    /** End a session (sign-out, or found expired or orphaned); true when it existed. */
    async delete(secretHash: string) {
      const result = await db
        .deleteFrom('console_sessions')
        .where('secret_hash', '=', secretHash)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    /** Drop every session expired at `now` (ms); returns how many. */
    async purgeExpired(now: number) {
      const result = await db
        .deleteFrom('console_sessions')
        .where('expires_at', '<=', now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function fromRow(row: Row): ConsoleSessionRecord {
  return {
    secretHash: row.secret_hash,
    tokenId: row.token_id,
    tokenHash: row.token_hash,
    tenantId: row.tenant_id,
    expiresAt: Number(row.expires_at),
    createdAt: row.created_at,
  };
}

export type ConsoleSessionRepository = ReturnType<typeof createConsoleSessionRepository>;
