import type { Kysely, Selectable } from 'kysely';
import { createSessionTransitions, prepareSessionQueries } from './createSessionTransitions';
import { prepareQuery } from './prepareQuery';
import type { RecordTables, RegistrationSessionRow } from './RecordTables';
import type { RegistrationSessionRecord } from './RegistrationSessionRecord';
import type { SessionState } from './SessionRecord';
import type { SessionKey, SessionRepository } from './SessionRepository';

type Row = Selectable<RegistrationSessionRow>;

const queries = prepareSessionQueries<Row>('registration_sessions');
const insertQuery = prepareQuery<ReturnType<typeof toRow>, never>((db, _slot, row) =>
  db.insertInto('registration_sessions').values(row),
);
type Seen = SessionKey & { from: string };
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

/**
 * Registration sessions; every state change is a compare-and-set on the state the caller read
 * (SessionRepository). A completion also records the user the passkey went to.
 */
export function createRegistrationSessionRepository(
  db: Kysely<RecordTables>,
): RegistrationSessionRepository {
  const { recordOf, seenOf, ...transitions } = createSessionTransitions(db, queries, fromRow);
  return {
    ...transitions,
    async insert(session) {
      await insertQuery(db, toRow(session));
    },
    complete: (session, { updatedAt, responseHash, result, userId }) =>
      recordOf(
        completeQuery(db, {
          ...seenOf(session),
          updatedAt,
          responseHash,
          result: JSON.stringify(result),
          userId,
        }),
      ),
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
