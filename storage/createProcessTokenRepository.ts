import type { Kysely, Selectable } from 'kysely';
import type { ProcessTokenRecord } from './ProcessTokenRecord';
import { prepareQuery } from './prepareQuery';
import type { ProcessTokenRow, RecordTables } from './RecordTables';

type Row = Selectable<ProcessTokenRow>;
type Claim = { id: string; usedAt: string };

/** By id alone: a start link's URL names no tenant, the id is the capability. */
const findQuery = prepareQuery<{ id: string }, Row>((db, slot) =>
  db.selectFrom('process_tokens').selectAll().where('id', '=', slot('id')),
);
const findInTenantQuery = prepareQuery<{ tenantId: string; id: string }, Row>((db, slot) =>
  db
    .selectFrom('process_tokens')
    .selectAll()
    .where('tenant_id', '=', slot('tenantId'))
    .where('id', '=', slot('id')),
);
/** The one start that finds a single-use link unused stamps it; every other finds nothing. */
const claimQuery = prepareQuery<Claim, Row>((db, slot) =>
  db
    .updateTable('process_tokens')
    .set({ used_at: slot('usedAt') })
    .where('id', '=', slot('id'))
    .where('type', '=', 'SINGLE_USE')
    .where('used_at', 'is', null)
    .returningAll(),
);
/** Clears only this claim's own stamp. */
const handBackQuery = prepareQuery<Claim, Row>((db, slot) =>
  db
    .updateTable('process_tokens')
    .set({ used_at: null })
    .where('id', '=', slot('id'))
    .where('used_at', '=', slot('usedAt'))
    .returningAll(),
);

/** Start links into process definitions; a single-use link is claimed by compare-and-set. */
export function createProcessTokenRepository(db: Kysely<RecordTables>) {
  return {
    async insert(token: ProcessTokenRecord) {
      await db.insertInto('process_tokens').values(toRow(token)).execute();
    },

    /** Links kept elsewhere before (an older processes.json); one already here is left as it is. */
    async insertMissing(tokens: readonly ProcessTokenRecord[]) {
      for (const token of tokens) {
        await db
          .insertInto('process_tokens')
          .values(toRow(token))
          .onConflict((c) => c.column('id').doNothing())
          .execute();
      }
    },

    /** The link `id`, in `tenantId` when given (a start link's URL names no tenant). */
    async find({ tenantId, id }: { tenantId?: string; id: string }) {
      const { rows } = await (tenantId === undefined
        ? findQuery(db, { id })
        : findInTenantQuery(db, { tenantId, id }));
      return rows[0] ? fromRow(rows[0]) : undefined;
    },

    /** The tenant's oldest link called `name`. */
    async findByName({ tenantId, name }: { tenantId: string; name: string }) {
      const row = await db
        .selectFrom('process_tokens')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('name', '=', name)
        .orderBy('seq')
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },

    /** The tenant's links, oldest first. */
    async list({ tenantId }: { tenantId: string }) {
      const rows = await db
        .selectFrom('process_tokens')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy('seq')
        .execute();
      return rows.map(fromRow);
    },

    /** Stamp an unused single-use link used; undefined when it was used (or is not single-use). */
    async claim(claim: Claim) {
      const [row] = (await claimQuery(db, claim)).rows;
      return row ? fromRow(row) : undefined;
    },

    /** Undo `claim` when no instance came of it; a later claim's stamp is left alone. */
    async handBack(claim: Claim) {
      const [row] = (await handBackQuery(db, claim)).rows;
      return row !== undefined;
    },
  };
}

export type ProcessTokenRepository = ReturnType<typeof createProcessTokenRepository>;

function toRow(t: ProcessTokenRecord): Omit<Row, 'seq'> {
  return {
    id: t.id,
    tenant_id: t.tenantId,
    name: t.name,
    process_defn_name: t.processDefnName,
    process_defn_version: t.processDefnVersion,
    type: t.type,
    parameters: JSON.stringify(t.parameters),
    expires_at: t.expiresAt,
    created_at: t.createdAt,
    used_at: t.usedAt,
  };
}

function fromRow(r: Row): ProcessTokenRecord {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    name: r.name,
    processDefnName: r.process_defn_name,
    processDefnVersion: r.process_defn_version,
    type: r.type as ProcessTokenRecord['type'],
    parameters: JSON.parse(r.parameters),
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    usedAt: r.used_at,
  };
}
