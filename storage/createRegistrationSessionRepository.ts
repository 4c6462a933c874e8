import type { Kysely, Selectable } from 'kysely';
import { prepareQuery } from './prepareQuery';
import type { RecordTables, RegistrationSessionRow } from './RecordTables';
import type {
  RegistrationSessionRecord,
  RegistrationSessionState,
} from './RegistrationSessionRecord';

type SessionKey = { tenantId: string; id: string };

const findQuery = prepareQuery<SessionKey, Selectable<RegistrationSessionRow>>((db, slot) =>
  db
    .selectFrom('registration_sessions')
    .selectAll()
    .where('tenant_id', '=', slot('tenantId'))
    .where('id', '=', slot('id')),
);
const insertQuery = prepareQuery<ReturnType<typeof toRow>, never>((db, _slot, row) =>
  db.insertInto('registration_sessions').values(row),
);
type ClaimArgs = SessionKey & { now: number; staleBefore: string; updatedAt: string };
const claimQuery = prepareQuery<ClaimArgs, never>((db, slot) =>
  db
    .updateTable('registration_sessions')
    .set({ state: 'VERIFYING', updated_at: slot('updatedAt') })
    .where('tenant_id', '=', slot('tenantId'))
    .where('id', '=', slot('id'))
    .where((eb) =>
      eb.or([
        eb('state', '=', 'PENDING'),
        eb.and([eb('state', '=', 'VERIFYING'), eb('updated_at', '<', slot('staleBefore'))]),
      ]),
    )
    .where('expires_at', '>', slot('now')),
);

/** Registration sessions; every state change is a compare-and-set on `state`. */
export function createRegistrationSessionRepository(db: Kysely<RecordTables>) {
  /** Move `from` → `to`; true only for the one caller that found the session in `from`. */
  const transition = async (
    { tenantId, id }: SessionKey,
    from: RegistrationSessionState,
    set: Partial<RegistrationSessionRow> & { state: RegistrationSessionState; updated_at: string },
  ) => {
    const { numUpdatedRows } = await db
      .updateTable('registration_sessions')
      .set(set)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where('state', '=', from)
      .executeTakeFirst();
    return numUpdatedRows === 1n;
  };

  return {
    transition,

    async insert(session: RegistrationSessionRecord) {
      await insertQuery(db, toRow(session));
    },

    async find(key: SessionKey) {
      const [row] = (await findQuery(db, key)).rows;
      return row ? fromRow(row) : undefined;
    },

    /**
     * Claim a PENDING, unexpired session for verification: the single-use guarantee. A claim
     * older than `staleMs` was left by a crash mid-verification and may be taken over.
     */
    async claim(key: SessionKey, now: number, staleMs = 30_000) {
      const { numAffectedRows } = await claimQuery(db, {
        ...key,
        now,
        staleBefore: new Date(now - staleMs).toISOString(),
        updatedAt: new Date(now).toISOString(),
      });
      return numAffectedRows === 1n;
    },

    /** Give a failed verification back: PENDING again, or FAILED once attempts are used up. */
    async release(key: SessionKey, { maxAttempts, failureCode, now }: ReleaseOpts) {
      const session = await this.find(key);
      if (session?.state !== 'VERIFYING') return undefined;
      const attempts = session.attempts + 1;
      const state: RegistrationSessionState = attempts >= maxAttempts ? 'FAILED' : 'PENDING';
      await transition(key, 'VERIFYING', {
        state,
        attempts,
        failure_code: failureCode,
        updated_at: new Date(now).toISOString(),
      });
      return state;
    },

    /** Delete sessions that expired before `before` (epoch ms); returns how many. */
    async purgeExpired(before: number) {
      const { numDeletedRows } = await db
        .deleteFrom('registration_sessions')
        .where('expires_at', '<', before)
        .executeTakeFirst();
      return Number(numDeletedRows);
    },
  };
}

export type RegistrationSessionRepository = ReturnType<typeof createRegistrationSessionRepository>;
type ReleaseOpts = { maxAttempts: number; failureCode: string; now: number };

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

function fromRow(row: Selectable<RegistrationSessionRow>): RegistrationSessionRecord {
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
    state: row.state as RegistrationSessionState,
    attempts: row.attempts,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    responseHash: row.response_hash,
    result: row.result ? JSON.parse(row.result) : null,
    failureCode: row.failure_code,
  };
}
