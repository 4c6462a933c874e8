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
