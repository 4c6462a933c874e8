import type { Kysely, Selectable } from 'kysely';
import { prepareQuery } from './prepareQuery';
import type { RecordTables, RegistrationSessionRow } from './RecordTables';
import type { RegistrationSessionRecord } from './RegistrationSessionRecord';
import type { SessionState } from './SessionRecord';
import type { SeenSession, SessionKey, SessionRepository } from './SessionRepository';

type Row = Selectable<RegistrationSessionRow>;

const findQuery = prepareQuery<SessionKey, Row>((db, slot) =>
  db
    .selectFrom('registration_sessions')
    .selectAll()
    .where('tenant_id', '=', slot('tenantId'))
    .where('id', '=', slot('id')),
);
const insertQuery = prepareQuery<ReturnType<typeof toRow>, never>((db, _slot, row) =>
  db.insertInto('registration_sessions').values(row),
);
/** What every transition compares: the session, and the state its caller read. */
type Seen = SessionKey & { from: string };
const seen = ({ tenantId, id, state }: SeenSession): Seen => ({ tenantId, id, from: state });

const claimQuery = prepareQuery<Seen & { seenAt: string; updatedAt: string }, Row>((db, slot) =>
  db
    .updateTable('registration_sessions')
    .set({ state: 'VERIFYING', updated_at: slot('updatedAt') })
    .where('tenant_id', '=', slot('tenantId'))
    .where('id', '=', slot('id'))
    .where('state', '=', slot('from'))
    .where('updated_at', '=', slot('seenAt'))
    .returningAll(),
);
const handBackQuery = prepareQuery<Seen & { updatedAt: string }, Row>((db, slot) =>
  db
    .updateTable('registration_sessions')
    .set({ state: 'PENDING', updated_at: slot('updatedAt') })
    .where('tenant_id', '=', slot('tenantId'))
    .where('id', '=', slot('id'))
    .where('state', '=', slot('from'))
    .returningAll(),
);
type ReleaseArgs = Seen & { updatedAt: string; failureCode: string; maxAttempts: number };
const releaseQuery = prepareQuery<ReleaseArgs, Row>((db, slot) =>
  db
    .updateTable('registration_sessions')
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
);
type EndArgs = Seen & { state: SessionState; updatedAt: string; failureCode: string | null };
/** FAILED counting the attempt, CANCELLED or EXPIRED, with why. */
const endQuery = prepareQuery<EndArgs & { counted: number }, Row>((db, slot) =>
  db
    .updateTable('registration_sessions')
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
);
type CompleteArgs = Seen & {
  updatedAt: string;
  responseHash: string;
  result: string;
  userId: string;
};
const completeQuery = prepareQuery<CompleteArgs, Row>((db, slot) =>
  db
    .updateTable('registration_sessions')
    .set({
      state: 'COMPLETED',
      updated_at: slot('updatedAt'),
      response_hash: slot('responseHash'),
      result: slot('result'),
      user_id: slot('userId'),
    })
    .where('tenant_id', '=', slot('tenantId'))
    .where('id', '=', slot('id'))
    .where('state', '=', slot('from'))
    .returningAll(),
);

/** The record a transition returned, or undefined when its compare-and-set found nothing. */
const recordOf = async (result: Promise<{ rows: Row[] }>) => {
  const [row] = (await result).rows;
  return row ? fromRow(row) : undefined;
};

/**
 * Registration sessions; every state change is a compare-and-set on the state the caller read
 * (SessionRepository). A completion also records the user the passkey went to.
 */
export function createRegistrationSessionRepository(
  db: Kysely<RecordTables>,
): RegistrationSessionRepository {
  return {
    async insert(session) {
      await insertQuery(db, toRow(session));
    },

    find: (key) => recordOf(findQuery(db, { tenantId: key.tenantId, id: key.id })),

    claim: (session, { updatedAt }) =>
      recordOf(claimQuery(db, { ...seen(session), seenAt: session.updatedAt, updatedAt })),

    handBack: (session, { updatedAt }) =>
      recordOf(handBackQuery(db, { ...seen(session), updatedAt })),

    release: (session, { updatedAt, failureCode, maxAttempts }) =>
      recordOf(releaseQuery(db, { ...seen(session), updatedAt, failureCode, maxAttempts })),

    fail: (session, { updatedAt, failureCode }) =>
      recordOf(
        endQuery(db, { ...seen(session), state: 'FAILED', counted: 1, updatedAt, failureCode }),
      ),

    cancel: (session, { updatedAt, failureCode }) =>
      recordOf(
        endQuery(db, { ...seen(session), state: 'CANCELLED', counted: 0, updatedAt, failureCode }),
      ),

    expire: (session, { updatedAt }) =>
      recordOf(
        endQuery(db, {
          ...seen(session),
          state: 'EXPIRED',
          counted: 0,
          updatedAt,
          failureCode: null,
        }),
      ),

    complete: (session, { updatedAt, responseHash, result, userId }) =>
      recordOf(
        completeQuery(db, {
          ...seen(session),
          updatedAt,
          responseHash,
          result: JSON.stringify(result),
          userId,
        }),
      ),

    async purgeExpired(before) {
      const { numDeletedRows } = await db
        .deleteFrom('registration_sessions')
        .where('expires_at', '<', before)
        .executeTakeFirst();
      return Number(numDeletedRows);
    },
  };
}

/** The registration sessions' repository: the session transitions, insert and purge. */
export interface RegistrationSessionRepository
  extends SessionRepository<RegistrationSessionRecord, { userId: string }> {
  insert(session: RegistrationSessionRecord): Promise<void>;
  /** Delete sessions that expired before `before` (epoch ms); returns how many. */
  purgeExpired(before: number): Promise<number>;
}

function toRow(s: RegistrationSessionRecord) {
  return {
    id: s.id,
    tenant_id: s.tenantId,
    store_name: s.storeName,
    rp_id: s.rpId,
    policy_name: s.policyName,
    user_id: s.userId,
    new_user: s.newUser ? JSON.stringify(s.newUser) : null,
    user_handle: s.userHandle,
    challenge: s.challenge,
    client_request: JSON.stringify(s.clientRequest),
    state: s.state,
    attempts: s.attempts,
    expires_at: s.expiresAt,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    response_hash: s.responseHash,
    result: s.result === undefined || s.result === null ? null : JSON.stringify(s.result),
    failure_code: s.failureCode,
  };
}

function fromRow(row: Row): RegistrationSessionRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    storeName: row.store_name,
    rpId: row.rp_id,
    policyName: row.policy_name,
    userId: row.user_id,
    newUser: row.new_user ? JSON.parse(row.new_user) : null,
    userHandle: row.user_handle,
    challenge: row.challenge,
    clientRequest: JSON.parse(row.client_request),
    state: row.state as SessionState,
    attempts: row.attempts,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    responseHash: row.response_hash,
    result: row.result ? JSON.parse(row.result) : null,
    failureCode: row.failure_code,
  };
}
