import type { Kysely, Selectable } from 'kysely';
import type { BindingJobKey, BindingJobRecord, BindingJobState } from './BindingJobRecord';
import type { BindingJobRow, RecordTables } from './RecordTables';

/** One `attribute eq value` test; a filter is an OR of ANDs of them (disjunctive normal form). */
export type JobCondition = { attribute: 'state' | 'delivery_method'; value: string };
export type JobFilter = JobCondition[][];

type Scope = { tenantId: string; storeName: string };
type Guard = { tokenHash?: string; unexpiredAt?: number };

/** States from which time alone moves a job to EXPIRED. */
const expiring: BindingJobState[] = ['LINK_SENT', 'LINK_OPENED', 'REQUEST_DELIVERED'];

/** Credential binding jobs, always queried within one tenant and store; changes are compare-and-set. */
export function createBindingJobRepository(db: Kysely<RecordTables>) {
  const scoped = ({ tenantId, storeName }: Scope) =>
    db
      .selectFrom('credential_binding_jobs')
      .where('tenant_id', '=', tenantId)
      .where('store_name', '=', storeName);

  return {
    async insert(job: BindingJobRecord) {
      await db.insertInto('credential_binding_jobs').values(toRow(job)).execute();
    },

    async find({ tenantId, storeName, id }: BindingJobKey) {
      const row = await scoped({ tenantId, storeName })
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },

    /**
     * Move the job from one of `from` to `set.state`; true only for the one caller that found it
     * there. `guard` adds conditions taken in the same statement (the link token, the expiry).
     */
    async transition(
      { tenantId, storeName, id }: BindingJobKey,
      from: BindingJobState[],
      set: Partial<Omit<BindingJobRow, 'seq'>> & { state: BindingJobState; updated_at: string },
      guard: Guard = {},
    ) {
      let query = db
        .updateTable('credential_binding_jobs')
        .set(set)
        .where('tenant_id', '=', tenantId)
        .where('store_name', '=', storeName)
        .where('id', '=', id)
        .where('state', 'in', from);
      if (guard.tokenHash !== undefined) query = query.where('token_hash', '=', guard.tokenHash);
      if (guard.unexpiredAt !== undefined)
        query = query.where('expires_at', '>', guard.unexpiredAt);
      const { numUpdatedRows } = await query.executeTakeFirst();
      return numUpdatedRows === 1n;
    },

    /** Jobs of the realm (or of one user), oldest first, matching `filter` when given. */
    async list(
      scope: Scope,
      {
        userId,
        filter,
        offset,
        limit,
      }: { userId?: string; filter?: JobFilter; offset: number; limit: number },
    ) {
      let query = scoped(scope);
      if (userId !== undefined) query = query.where('user_id', '=', userId);
      if (filter && filter.length > 0) {
        query = query.where((eb) =>
          eb.or(filter.map((all) => eb.and(all.map((c) => eb(c.attribute, '=', c.value))))),
        );
      }
      const rows = await query.selectAll().orderBy('seq').limit(limit).offset(offset).execute();
      const { total } = await query
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
      return { items: rows.map(fromRow), total: Number(total) };
    },

    /** Mark every job of the realm whose link outlived `now` as EXPIRED; returns how many. */
    async expireDue({ tenantId, storeName }: Scope, now: number) {
      const { numUpdatedRows } = await db
        .updateTable('credential_binding_jobs')
        .set({ state: 'EXPIRED', updated_at: new Date(now).toISOString() })
        .where('tenant_id', '=', tenantId)
        .where('store_name', '=', storeName)
        .where('state', 'in', expiring)
        .where('expires_at', '<=', now)
        .executeTakeFirst();
      return Number(numUpdatedRows);
    },
  };
}

export type BindingJobRepository = ReturnType<typeof createBindingJobRepository>;

function toRow(j: BindingJobRecord) {
  return {
    id: j.id,
    tenant_id: j.tenantId,
    store_name: j.storeName,
    user_id: j.userId,
    delivery_method: j.deliveryMethod,
    state: j.state,
    post_binding_redirect_uri: j.postBindingRedirectUri,
    authenticator_config_id: j.authenticatorConfigId,
    token_hash: j.tokenHash,
    completion_hash: j.completionHash,
    session_id: j.sessionId,
    credential_id: j.credentialId,
    failure_code: j.failureCode,
    expires_at: j.expiresAt,
    created_at: j.createdAt,
    updated_at: j.updatedAt,
  };
}

function fromRow(row: Selectable<BindingJobRow>): BindingJobRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    storeName: row.store_name,
    userId: row.user_id,
    deliveryMethod: row.delivery_method as BindingJobRecord['deliveryMethod'],
    state: row.state as BindingJobState,
    postBindingRedirectUri: row.post_binding_redirect_uri,
    authenticatorConfigId: row.authenticator_config_id,
    tokenHash: row.token_hash,
    completionHash: row.completion_hash,
    sessionId: row.session_id,
    credentialId: row.credential_id,
    failureCode: row.failure_code,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
