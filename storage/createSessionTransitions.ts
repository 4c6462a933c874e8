import type { Kysely } from 'kysely';
import { prepareQuery } from './prepareQuery';
import type { RecordTables } from './RecordTables';
import type { SessionRecord, SessionState } from './SessionRecord';
import type { SeenSession, SessionKey, SessionRepository } from './SessionRepository';

/** The tables of ceremony sessions: each has every column of SessionRecord. */
export type SessionTable = 'registration_sessions' | 'authentication_sessions';

/** What every transition compares: the session, and the state its caller read. */
type Seen = SessionKey & { from: string };
const seenOf = ({ tenantId, id, state }: SeenSession): Seen => ({ tenantId, id, from: state });
type ReleaseArgs = Seen & { updatedAt: string; failureCode: string; maxAttempts: number };
type EndArgs = Seen & {
  state: SessionState;
  updatedAt: string;
  failureCode: string | null;
  counted: number;
};

/**
 * The prepared queries of one session table. Built once per table (at module load), so each is
 * compiled once per dialect (prepareQuery). The table is typed as the registration one: both share
 * the columns these queries touch, and that keeps Kysely checking the column names.
 */
export function prepareSessionQueries<Row>(table: SessionTable) {
  const t = table as 'registration_sessions';
  return {
    find: prepareQuery<SessionKey, Row>((db, slot) =>
      db
        .selectFrom(t)
        .selectAll()
        .where('tenant_id', '=', slot('tenantId'))
        .where('id', '=', slot('id')),
    ),
    claim: prepareQuery<Seen & { seenAt: string; updatedAt: string }, Row>((db, slot) =>
      db
        .updateTable(t)
        .set({ state: 'VERIFYING', updated_at: slot('updatedAt') })
        .where('tenant_id', '=', slot('tenantId'))
        .where('id', '=', slot('id'))
        .where('state', '=', slot('from'))
        .where('updated_at', '=', slot('seenAt'))
        .returningAll(),
    ),
    handBack: prepareQuery<Seen & { updatedAt: string }, Row>((db, slot) =>
      db
        .updateTable(t)
        .set({ state: 'PENDING', updated_at: slot('updatedAt') })
        .where('tenant_id', '=', slot('tenantId'))
        .where('id', '=', slot('id'))
        .where('state', '=', slot('from'))
        .returningAll(),
    ),
    release: prepareQuery<ReleaseArgs, Row>((db, slot) =>
      db
        .updateTable(t)
        .set((eb) => ({
          // Both read the attempts before this update: SQLite evaluates every SET on the old row.
          attempts: eb('attempts', '+', 1),
          state: eb
            .case()
            .when(eb(eb('attempts', '+', 1), '>=', slot('maxAttempts')))
            .then('FAILED')
            .else('PENDING')
            .end(),
          failure_code: slot('failureCode'),
          updated_at: slot('updatedAt'),
        }))
        .where('tenant_id', '=', slot('tenantId'))
        .where('id', '=', slot('id'))
        .where('state', '=', slot('from'))
        .returningAll(),
    ),
    /** FAILED counting the attempt, CANCELLED or EXPIRED, with why. */
    end: prepareQuery<EndArgs, Row>((db, slot) =>
      db
        .updateTable(t)
        .set((eb) => ({
          state: slot('state'),
          attempts: eb('attempts', '+', slot('counted')),
          failure_code: eb.fn.coalesce(eb.val(slot('failureCode')), 'failure_code'),
          updated_at: slot('updatedAt'),
        }))
        .where('tenant_id', '=', slot('tenantId'))
        .where('id', '=', slot('id'))
        .where('state', '=', slot('from'))
        .returningAll(),
    ),
    table,
  };
}
export type SessionQueries<Row> = ReturnType<typeof prepareSessionQueries<Row>>;

/**
 * Every transition of SessionRepository but `complete` (what a completion records differs by
 * ceremony) over one session table, plus insert and purge; each is a compare-and-set on the state
 * the caller read.
 */
export function createSessionTransitions<R extends SessionRecord, Row>(
  db: Kysely<RecordTables>,
  queries: SessionQueries<Row>,
  fromRow: (row: Row) => R,
) {
  const recordOf = async (result: Promise<{ rows: Row[] }>) => {
    const [row] = (await result).rows;
    return row ? fromRow(row) : undefined;
  };
  const end = (session: SeenSession, args: Omit<EndArgs, keyof Seen>) =>
    recordOf(queries.end(db, { ...seenOf(session), ...args }));
  const transitions: Omit<SessionRepository<R>, 'complete'> = {
    find: (key) => recordOf(queries.find(db, { tenantId: key.tenantId, id: key.id })),
    claim: (session, { updatedAt }) =>
      recordOf(queries.claim(db, { ...seenOf(session), seenAt: session.updatedAt, updatedAt })),
    handBack: (session, { updatedAt }) =>
      recordOf(queries.handBack(db, { ...seenOf(session), updatedAt })),
    release: (session, { updatedAt, failureCode, maxAttempts }) =>
      recordOf(queries.release(db, { ...seenOf(session), updatedAt, failureCode, maxAttempts })),
    fail: (session, { updatedAt, failureCode }) =>
      end(session, { state: 'FAILED', counted: 1, updatedAt, failureCode }),
    cancel: (session, { updatedAt, failureCode }) =>
      end(session, { state: 'CANCELLED', counted: 0, updatedAt, failureCode }),
    expire: (session, { updatedAt }) =>
      end(session, { state: 'EXPIRED', counted: 0, updatedAt, failureCode: null }),
  };
  return {
    ...transitions,
    /** Run a completion's compare-and-set (prepared by the ceremony's repository). */
    recordOf,
    seenOf,
    /** Delete sessions that expired before `before` (epoch ms); returns how many. */
    async purgeExpired(before: number) {
      const { numDeletedRows } = await db
        .deleteFrom(queries.table as 'registration_sessions')
        .where('expires_at', '<', before)
        .executeTakeFirst();
      return Number(numDeletedRows);
    },
  };
}
