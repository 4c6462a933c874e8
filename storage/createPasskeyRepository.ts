import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation } from './isUniqueViolation';
import type { PasskeyRecord } from './PasskeyRecord';
import { prepareQuery } from './prepareQuery';
import type { PasskeyRow, RecordTables, UserHandleRow } from './RecordTables';

const insertQuery = prepareQuery<ReturnType<typeof toRow>, never>((db, _slot, row) =>
  db.insertInto('passkeys').values(row),
);
const listForUserQuery = prepareQuery<{ tenantId: string; userId: string }, Selectable<PasskeyRow>>(
  (db, slot) =>
    db
      .selectFrom('passkeys')
      .selectAll()
      .where('tenant_id', '=', slot('tenantId'))
      .where('user_id', '=', slot('userId'))
      .orderBy('created_at'),
);
const findUserHandleQuery = prepareQuery<UserHandleKey, Pick<UserHandleRow, 'user_handle'>>(
  (db, slot) =>
    db
      .selectFrom('user_handles')
      .select('user_handle')
      .where('tenant_id', '=', slot('tenantId'))
      .where('user_id', '=', slot('userId'))
      .where('rp_id', '=', slot('rpId')),
);
const saveUserHandleQuery = prepareQuery<UserHandleRow, never>((db, _slot, row) =>
  db
    .insertInto('user_handles')
    .values(row)
    .onConflict((oc) => oc.doNothing()),
);

const findByCredentialIdQuery = prepareQuery<
  { tenantId: string; storeName: string; credentialId: string },
  Selectable<PasskeyRow>
>((db, slot) =>
  db
    .selectFrom('passkeys')
    .selectAll()
    .where('credential_id', '=', slot('credentialId'))
    .where('tenant_id', '=', slot('tenantId'))
    .where('store_name', '=', slot('storeName')),
);
type UseArgs = {
  tenantId: string;
  id: string;
  counter: number;
  backedUp: number;
  lastUsedAt: string;
};
/**
 * A sign-in's use, compare-and-set on the counter (WebAuthn L3 §7.2 step 21): it applies only
 * while the stored counter is below the new one, or both are zero (an authenticator without a
 * counter), so of two sign-ins racing with the same counter only one is recorded.
 */
const recordUseQuery = prepareQuery<UseArgs, Selectable<PasskeyRow>>((db, slot) =>
  db
    .updateTable('passkeys')
    .set({
      counter: slot('counter'),
      backed_up: slot('backedUp'),
      last_used_at: slot('lastUsedAt'),
    })
    .where('tenant_id', '=', slot('tenantId'))
    .where('id', '=', slot('id'))
    .where((eb) =>
      eb.or([
        eb('counter', '<', slot('counter')),
        eb.and([eb('counter', '=', 0), eb(eb.val(slot('counter')), '=', 0)]),
      ]),
    )
    .returningAll(),
);
/** A use accepted although its counter went back: flagged, the stored counter never lowered. */
const recordFlaggedUseQuery = prepareQuery<UseArgs, Selectable<PasskeyRow>>((db, slot) =>
  db
    .updateTable('passkeys')
    .set((eb) => ({
      counter: eb.fn('max', [eb.ref('counter'), eb.val(slot('counter'))]),
      backed_up: slot('backedUp'),
      last_used_at: slot('lastUsedAt'),
      possibly_cloned: 1,
    }))
    .where('tenant_id', '=', slot('tenantId'))
    .where('id', '=', slot('id'))
    .returningAll(),
);
const markPossiblyClonedQuery = prepareQuery<{ tenantId: string; id: string }, never>((db, slot) =>
  db
    .updateTable('passkeys')
    .set({ possibly_cloned: 1 })
    .where('tenant_id', '=', slot('tenantId'))
    .where('id', '=', slot('id')),
);
type PasskeyUse = {
  tenantId: string;
  id: string;
  counter: number;
  backedUp: boolean;
  lastUsedAt: string;
};
const argsOfUse = (use: PasskeyUse): UseArgs => ({ ...use, backedUp: use.backedUp ? 1 : 0 });

/** Passkeys and the per-user, per-RP user handles they were registered under. */
export function createPasskeyRepository(db: Kysely<RecordTables>) {
  return {
    /** `{ok: false}` when the credential ID is already registered anywhere, in any tenant. */
    async insert(passkey: PasskeyRecord): Promise<{ ok: boolean }> {
      try {
        await insertQuery(db, toRow(passkey));
        return { ok: true };
      } catch (error) {
        if (isUniqueViolation(error, 'credential_id')) return { ok: false };
        throw error;
      }
    },

    async credentialIdExists(credentialId: string) {
      const row = await db
        .selectFrom('passkeys')
        .select('id')
        .where('credential_id', '=', credentialId)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The passkey with this credential ID in this tenant and store, if any (sign-in). */
    async findByCredentialId(key: { tenantId: string; storeName: string; credentialId: string }) {
      const [row] = (await findByCredentialIdQuery(db, key)).rows;
      return row ? fromRow(row) : undefined;
    },

    /**
     * Record a sign-in: counter, backedUp, lastUsedAt. Undefined when the stored counter is not
     * below the new one any more (another sign-in got there first): a regression after all.
     */
    async recordUse(use: PasskeyUse) {
      const [row] = (await recordUseQuery(db, argsOfUse(use))).rows;
      return row ? fromRow(row) : undefined;
    },

    /** Record a sign-in accepted despite a counter that went back: flagged possiblyCloned. */
    async recordFlaggedUse(use: PasskeyUse) {
      const [row] = (await recordFlaggedUseQuery(db, argsOfUse(use))).rows;
      return row ? fromRow(row) : undefined;
    },

    /** Its counter went back: another authenticator may hold a copy of its key. */
    async markPossiblyCloned(key: { tenantId: string; id: string }) {
      await markPossiblyClonedQuery(db, key);
    },

    async listForUser(key: { tenantId: string; userId: string }) {
      return (await listForUserQuery(db, key)).rows.map(fromRow);
    },

    async delete({ tenantId, userId, id }: { tenantId: string; userId: string; id: string }) {
      const { numDeletedRows } = await db
        .deleteFrom('passkeys')
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return numDeletedRows > 0n;
    },

    /** One passkey of one user; undefined when that user has none with this id. */
    async findForUser({ tenantId, userId, id }: { tenantId: string; userId: string; id: string }) {
      const row = await db
        .selectFrom('passkeys')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && fromRow(row);
    },

    /** The passkey as it is now named; undefined when the user has no passkey with this id. */
    async setNickname(
      { tenantId, userId, id }: { tenantId: string; userId: string; id: string },
      nickname: string | null,
    ) {
      const row = await db
        .updateTable('passkeys')
        .set({ nickname })
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && fromRow(row);
    },

    async findUserHandle(key: UserHandleKey) {
      return (await findUserHandleQuery(db, key)).rows[0]?.user_handle;
    },

    /** Keeps the first handle: a user's handle for an RP never changes once a passkey has it. */
    async saveUserHandle({ tenantId, userId, rpId }: UserHandleKey, userHandle: string) {
      await saveUserHandleQuery(db, {
        tenant_id: tenantId,
        user_id: userId,
        rp_id: rpId,
        user_handle: userHandle,
      });
    },
  };
}

export type PasskeyRepository = ReturnType<typeof createPasskeyRepository>;
type UserHandleKey = { tenantId: string; userId: string; rpId: string };

function toRow(p: PasskeyRecord) {
  return {
    id: p.id,
    tenant_id: p.tenantId,
    store_name: p.storeName,
    user_id: p.userId,
    rp_id: p.rpId,
    credential_id: p.credentialId,
    public_key: p.publicKey,
    counter: p.counter,
    aaguid: p.aaguid,
    device_type: p.deviceType,
    backed_up: p.backedUp ? 1 : 0,
    transports: JSON.stringify(p.transports),
    attestation_format: p.attestationFormat,
    user_handle: p.userHandle,
    created_at: p.createdAt,
    last_used_at: p.lastUsedAt,
    possibly_cloned: p.possiblyCloned ? 1 : 0,
    nickname: p.nickname,
  };
}

function fromRow(row: Selectable<PasskeyRow>): PasskeyRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    storeName: row.store_name,
    userId: row.user_id,
    rpId: row.rp_id,
    credentialId: row.credential_id,
    publicKey: row.public_key,
    counter: row.counter,
    aaguid: row.aaguid,
    deviceType: row.device_type as PasskeyRecord['deviceType'],
    backedUp: row.backed_up === 1,
    transports: JSON.parse(row.transports) as string[],
    attestationFormat: row.attestation_format,
    userHandle: row.user_handle,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    possiblyCloned: row.possibly_cloned === 1,
    nickname: row.nickname,
  };
}
