import { findIdentityStore } from '../findIdentityStore';
import type { IdentityDeps } from '../IdentityDeps';
import { paginate } from './paginate';
import { toIdentityView } from './toIdentityView';

/** The realm's identities, oldest first, as `{identities, total_size, next_page_token?}`. */
export async function listIdentities(
  deps: IdentityDeps,
  {
    tenantId,
    storeName,
    ...paging
  }: { tenantId: string; storeName: string; pageSize?: number; pageToken?: string; skip?: number },
) {
  findIdentityStore(deps, { tenantId, name: storeName });
  const { offset, limit, next } = paginate(paging);
  const { items, total } = await deps.records.users.list(
    { tenantId, storeName },
    { page: 0, size: limit, offset },
  );
  const nextPageToken = next(items.length, total);
  return {
    identities: items.map(toIdentityView),
    total_size: total,
    ...(nextPageToken ? { next_page_token: nextPageToken } : {}),
  };
}
