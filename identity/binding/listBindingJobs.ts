import { findIdentityStore } from '../findIdentityStore';
import { findUser } from '../findUser';
import type { BindingDeps } from './BindingDeps';
import { paginate } from './paginate';
import { parseJobFilter } from './parseJobFilter';
import { toBindingJobView } from './toBindingJobView';

/** `-` in place of an identity id means "every identity of the realm" (Beyond Identity's wildcard). */
const anyIdentity = '-';

/**
 * Jobs of one identity, or of the whole realm for identity `-`, oldest first, optionally
 * filtered on state and delivery method. Jobs past their expiry are marked EXPIRED first, so a
 * filter on state sees the states a single read would show.
 */
export async function listBindingJobs(
  deps: BindingDeps,
  {
    tenantId,
    storeName,
    userId,
    filter,
    ...paging
  }: {
    tenantId: string;
    storeName: string;
    userId: string;
    filter?: string;
    pageSize?: number;
    pageToken?: string;
    skip?: number;
  },
) {
  findIdentityStore(deps, { tenantId, name: storeName });
  if (userId !== anyIdentity) await findUser(deps, { tenantId, storeName, userId });
  const conditions =
    filter === undefined || filter.trim() === '' ? undefined : parseJobFilter(filter);
  const { offset, limit, next } = paginate(paging);
  const now = deps.now();
  await deps.records.bindingJobs.expireDue({ tenantId, storeName }, now);
  const { items, total } = await deps.records.bindingJobs.list(
    { tenantId, storeName },
    { ...(userId === anyIdentity ? {} : { userId }), filter: conditions, offset, limit },
  );
  const nextPageToken = next(items.length, total);
  return {
    credential_binding_jobs: items.map((job) => toBindingJobView(job, now)),
    total_size: total,
    ...(nextPageToken ? { next_page_token: nextPageToken } : {}),
  };
}
