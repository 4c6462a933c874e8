import type { Kysely } from 'kysely';
import { prepareQuery } from './prepareQuery';
import type { RecordTables } from './RecordTables';
import type { SessionKey } from './SessionRepository';

type AttachArgs = SessionKey & { linkHash: string };
type LinkedSession = { tenant_id: string; store_name: string; id: string };

const attachQuery = prepareQuery<AttachArgs, LinkedSession>((db, slot) =>
  db
    .updateTable('authentication_sessions')
    .set({ link_hash: slot('linkHash') })
    .where('tenant_id', '=', slot('tenantId'))
    .where('id', '=', slot('id'))
    // One link per session, only while it can still be used: a second would outlive the first.
    .where('link_hash', 'is', null)
    .where('state', '=', 'PENDING')
    .returning(['tenant_id', 'store_name', 'id']),
);
const findQuery = prepareQuery<{ linkHash: string }, LinkedSession>((db, slot) =>
  db
    .selectFrom('authentication_sessions')
    .select(['tenant_id', 'store_name', 'id'])
    .where('link_hash', '=', slot('linkHash')),
);

/**
 * The authentication links of sign-in sessions (migration 0009): a link's secret is kept only as
 * its hash, on the session row, so it lives and is purged with the session. The session itself is
 * read and moved through the sessions' repository.
 */
export function createAuthenticationLinkRepository(db: Kysely<RecordTables>) {
  return {
    /** Give a PENDING session without a link the hash of one; false when it was not so. */
    async attach(key: SessionKey, linkHash: string) {
      const { rows } = await attachQuery(db, { tenantId: key.tenantId, id: key.id, linkHash });
      return rows.length === 1;
    },
    /** The session a link's hash belongs to, if any: its tenant, store and id. */
    async findByHash(linkHash: string) {
      const [row] = (await findQuery(db, { linkHash })).rows;
      return row ? { tenantId: row.tenant_id, storeName: row.store_name, id: row.id } : undefined;
    },
  };
}

export type AuthenticationLinkRepository = ReturnType<typeof createAuthenticationLinkRepository>;
