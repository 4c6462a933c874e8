import type { Kysely, Selectable } from 'kysely';
import { foldUserKey } from './foldUserKey';
import { isUniqueViolation } from './isUniqueViolation';
import { prepareQuery } from './prepareQuery';
import type { RecordTables, UserRow } from './RecordTables';
import type { UserRecord, UserScope } from './UserRecord';

const findByIdQuery = prepareQuery<UserScope & { id: string }, Selectable<UserRow>>((db, slot) =>
  db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', slot('tenantId'))
    .where('store_name', '=', slot('storeName'))
    .where('id', '=', slot('id')),
);

const existsQuery = prepareQuery<UserScope & { id: string }, Pick<Selectable<UserRow>, 'id'>>(
  (db, slot) =>
    db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', slot('tenantId'))
      .where('store_name', '=', slot('storeName'))
      .where('id', '=', slot('id')),
);

const insertQuery = prepareQuery<ReturnType<typeof toRow>, never>((db, _slot, row) =>
  db.insertInto('users').values(row),
);

export type UserWriteResult = { ok: true } | { ok: false; conflict: 'externalId' | 'userKey' };

/** Users, always queried within one tenant and store. */
export function createUserRepository(db: Kysely<RecordTables>) {
  const scoped = ({ tenantId, storeName }: UserScope) =>
    db
      .selectFrom('users')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('store_name', '=', storeName);

  return {
    async insert(user: UserRecord): Promise<UserWriteResult> {
      try {
        await insertQuery(db, toRow(user));
        return { ok: true };
      } catch (error) {
        return conflictOf(error);
      }
    },

    async update(user: UserRecord): Promise<UserWriteResult> {
      try {
        await db
          .updateTable('users')
          .set(toRow(user))
          .where('tenant_id', '=', user.tenantId)
          .where('store_name', '=', user.storeName)
          .where('id', '=', user.id)
          .execute();
        return { ok: true };
      } catch (error) {
        return conflictOf(error);
      }
    },

    /** Whether the user is there, without reading (and parsing) the whole row. */
    async exists(scope: UserScope, id: string) {
      return (await existsQuery(db, { ...scope, id })).rows.length > 0;
    },

    async findById(scope: UserScope, id: string) {
      const [row] = (await findByIdQuery(db, { ...scope, id })).rows;
      return row ? fromRow(row) : undefined;
    },

    async findByExternalId(scope: UserScope, externalId: string) {
      const row = await scoped(scope).where('external_id', '=', externalId).executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },

    /** By the folded name: `ADA` finds `Ada` (foldUserKey). */
    async findByUserKey(scope: UserScope, userKey: string) {
      const row = await scoped(scope)
        .where('user_key_folded', '=', foldUserKey(userKey))
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },

    /** `offset` (rows to skip) overrides `page * size` for cursor-style paging. */
    async list(
      scope: UserScope,
      { page, size, offset = page * size }: { page: number; size: number; offset?: number },
    ) {
      const rows = await scoped(scope).orderBy('seq').limit(size).offset(offset).execute();
      const { total } = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .where('tenant_id', '=', scope.tenantId)
        .where('store_name', '=', scope.storeName)
        .executeTakeFirstOrThrow();
      return { items: rows.map(fromRow), total: Number(total) };
    },

    /** Deletes the user with its passkeys and user handles; false when there was none. */
    async delete(scope: UserScope, id: string) {
      const { numDeletedRows } = await db
        .deleteFrom('users')
        .where('tenant_id', '=', scope.tenantId)
        .where('store_name', '=', scope.storeName)
        .where('id', '=', id)
        .executeTakeFirst();
      if (numDeletedRows === 0n) return false;
      await db
        .deleteFrom('passkeys')
        .where('tenant_id', '=', scope.tenantId)
        .where('user_id', '=', id)
        .execute();
      await db
        .deleteFrom('user_handles')
        .where('tenant_id', '=', scope.tenantId)
        .where('user_id', '=', id)
        .execute();
      return true;
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;

function conflictOf(error: unknown): UserWriteResult {
  if (isUniqueViolation(error, 'external_id')) return { ok: false, conflict: 'externalId' };
  if (isUniqueViolation(error, 'user_key')) return { ok: false, conflict: 'userKey' };
  throw error;
}

const json = (value: unknown) => (value == null ? null : JSON.stringify(value));
const parse = <T>(text: string | null): T | null => (text == null ? null : (JSON.parse(text) as T));

function toRow(user: UserRecord) {
  return {
    id: user.id,
    tenant_id: user.tenantId,
    store_name: user.storeName,
    user_key: user.userKey,
    user_key_folded: foldUserKey(user.userKey),
    external_id: user.externalId,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    date_of_birth: user.dateOfBirth,
    locale: json(user.locale),
    nationalities: json(user.nationalities),
    status: user.status,
    timezone: user.timezone,
    type: user.type,
    attributes: json(user.attributes),
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

function fromRow(row: Selectable<UserRow>): UserRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    storeName: row.store_name,
    userKey: row.user_key,
    externalId: row.external_id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    locale: parse(row.locale),
    nationalities: parse(row.nationalities),
    status: row.status as UserRecord['status'],
    timezone: row.timezone,
    type: row.type,
    attributes: parse(row.attributes),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
