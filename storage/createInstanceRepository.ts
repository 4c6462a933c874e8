import type { Kysely, Selectable } from 'kysely';
import type { InstanceRecord } from './InstanceRecord';
import type { ProcessInstanceRow, RecordTables } from './RecordTables';

/** Process instances; saves are compare-and-set on `revision`. */
export function createInstanceRepository(db: Kysely<RecordTables>) {
  return {
    async insert(instance: InstanceRecord) {
      await db.insertInto('process_instances').values(toRow(instance)).execute();
    },

    async find({ tenantId, id }: { tenantId?: string; id: string }) {
      let query = db.selectFrom('process_instances').selectAll().where('id', '=', id);
      if (tenantId !== undefined) query = query.where('tenant_id', '=', tenantId);
      const row = await query.executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },

    /** Save `instance` if nobody saved since it was read; it then carries revision + 1. */
    async save(instance: InstanceRecord) {
      const next = { ...instance, revision: instance.revision + 1 };
      const { numUpdatedRows } = await db
        .updateTable('process_instances')
        .set(toRow(next))
        .where('id', '=', instance.id)
        .where('revision', '=', instance.revision)
        .executeTakeFirst();
      return numUpdatedRows === 1n ? next : undefined;
    },

    /** Summaries of a tenant's instances, newest first (index process_instances_tenant_created). */
    async list({
      tenantId,
      definitionName,
      state,
      page,
      size,
    }: {
      tenantId: string;
      definitionName?: string;
      state?: InstanceRecord['state'];
      page: number;
      size: number;
    }) {
      let scoped = db.selectFrom('process_instances').where('tenant_id', '=', tenantId);
      if (definitionName !== undefined)
        scoped = scoped.where('definition_name', '=', definitionName);
      if (state !== undefined) scoped = scoped.where('state', '=', state);
      const rows = await scoped
        .select(['id', 'definition_name', 'definition_version', 'state', 'cursor', 'decision'])
        .select(['created_at', 'updated_at'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(size)
        .offset(page * size)
        .execute();
      const { total } = await scoped
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
      return {
        items: rows.map((row) => ({
          id: row.id,
          definitionName: row.definition_name,
          definitionVersion: row.definition_version,
          state: row.state as InstanceRecord['state'],
          cursor: row.cursor,
          decision: row.decision,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
        })),
        total: Number(total),
      };
    },

    async purgeExpired(before: number) {
      const { numDeletedRows } = await db
        .deleteFrom('process_instances')
        .where('expires_at', '<', before)
        .executeTakeFirst();
      return Number(numDeletedRows);
    },
  };
}

export type InstanceRepository = ReturnType<typeof createInstanceRepository>;

function toRow(i: InstanceRecord): ProcessInstanceRow {
  return {
    id: i.id,
    tenant_id: i.tenantId,
    definition_name: i.definitionName,
    definition_version: i.definitionVersion,
    process_token_id: i.processTokenId,
    state: i.state,
    cursor: i.cursor,
    step: i.step ? JSON.stringify(i.step) : null,
    context: JSON.stringify(i.context),
    internal: JSON.stringify(i.internal),
    history: JSON.stringify(i.history),
    visits: JSON.stringify(i.visits),
    failures: JSON.stringify(i.failures),
    decision: i.decision,
    capability_hash: i.capabilityHash,
    entry_hash: i.entryHash,
    expires_at: i.expiresAt,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    revision: i.revision,
  };
}

function fromRow(row: Selectable<ProcessInstanceRow>): InstanceRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    definitionName: row.definition_name,
    definitionVersion: row.definition_version,
    processTokenId: row.process_token_id,
    state: row.state as InstanceRecord['state'],
    cursor: row.cursor,
    step: row.step ? JSON.parse(row.step) : null,
    context: JSON.parse(row.context),
    internal: JSON.parse(row.internal),
    history: JSON.parse(row.history),
    visits: JSON.parse(row.visits),
    failures: JSON.parse(row.failures),
    decision: row.decision,
    capabilityHash: row.capability_hash,
    entryHash: row.entry_hash,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
  };
}
