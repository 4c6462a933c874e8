import type { Kysely, Selectable } from 'kysely';
import type {
  AuthenticationSessionRecord,
  AuthenticationStart,
} from './AuthenticationSessionRecord';
import { createSessionTransitions, prepareSessionQueries } from './createSessionTransitions';
import { prepareQuery } from './prepareQuery';
import type { AuthenticationSessionRow, RecordTables } from './RecordTables';
import type { SessionState } from './SessionRecord';
import type { SessionKey, SessionRepository } from './SessionRepository';

type Row = Selectable<AuthenticationSessionRow>;

const queries = prepareSessionQueries<Row>('authentication_sessions');
const insertQuery = prepareQuery<ReturnType<typeof toRow>, never>((db, _slot, row) =>
  db.insertInto('authentication_sessions').values(row),
);
type CompleteArgs = SessionKey & {
  from: string;
  updatedAt: string;
  responseHash: string;
  result: string;
  userId: string;
  passkeyId: string;
};
const completeQuery = prepareQuery<CompleteArgs, Row>((db, slot) =>
  db
    .updateTable('authentication_sessions')
    .set({
      state: 'COMPLETED',
      updated_at: slot('updatedAt'),
      response_hash: slot('responseHash'),
      result: slot('result'),
      user_id: slot('userId'),
      passkey_id: slot('passkeyId'),
    })
    .where('tenant_id', '=', slot('tenantId'))
    .where('id', '=', slot('id'))
    .where('state', '=', slot('from'))
    .returningAll(),
);

/**
 * Passkey sign-in sessions: the same transitions as registration sessions (createSessionTransitions)
 * over their own table; a completion also records who signed in with which passkey.
 */
export function createAuthenticationSessionRepository(
  db: Kysely<RecordTables>,
): AuthenticationSessionRepository {
  const { recordOf, seenOf, ...transitions } = createSessionTransitions(db, queries, fromRow);
  return {
    ...transitions,
    async insert(session) {
      await insertQuery(db, toRow(session));
    },
    complete: (session, { updatedAt, responseHash, result, userId, passkeyId }) =>
      recordOf(
        completeQuery(db, {
          ...seenOf(session),
          updatedAt,
          responseHash,
          result: JSON.stringify(result),
          userId,
          passkeyId,
        }),
      ),
  };
}

/** The sign-in sessions' repository: the session transitions, insert and purge. */
export interface AuthenticationSessionRepository
  extends SessionRepository<AuthenticationSessionRecord, { userId: string; passkeyId: string }> {
  insert(session: AuthenticationSessionRecord): Promise<void>;
  /** Delete sessions that expired before `before` (epoch ms); returns how many. */
  purgeExpired(before: number): Promise<number>;
}

function toRow(s: AuthenticationSessionRecord) {
  return {
    id: s.id,
    tenant_id: s.tenantId,
    store_name: s.storeName,
    rp_id: s.rpId,
    policy_name: s.policyName,
    user_id: s.userId,
    started_with: s.startedWith,
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
    passkey_id: s.passkeyId,
  };
}

function fromRow(row: Row): AuthenticationSessionRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    storeName: row.store_name,
    rpId: row.rp_id,
    policyName: row.policy_name,
    userId: row.user_id,
    startedWith: row.started_with as AuthenticationStart,
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
    passkeyId: row.passkey_id,
  };
}
