import type { IdentityDeps } from './IdentityDeps';
import { toTokenView } from './toTokenView';

/** One page of a tenant's API tokens, oldest first (expired ones included: they show why). */
export function listApiTokens(
  deps: Pick<IdentityDeps, 'definitions'>,
  { tenantId, page = 0, size = 20 }: { tenantId: string; page?: number; size?: number },
) {
  const own = deps.definitions.read().tokens.filter((t) => t.tenantId === tenantId);
  const items = own.slice(page * size, page * size + size).map(toTokenView);
  return { items, page, size, total: own.length };
}
