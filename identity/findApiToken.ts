import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';
import { toTokenView } from './toTokenView';

/** One API token of `tenantId`; another tenant's token looks missing (404), as everywhere. */
export function findApiToken(
  deps: Pick<IdentityDeps, 'definitions'>,
  { tenantId, tokenId }: { tenantId: string; tokenId: string },
) {
  const record = deps.definitions
    .read()
    .tokens.find((t) => t.id === tokenId && t.tenantId === tenantId);
  if (!record) throw new IdentityError('TOKEN_NOT_FOUND', `token '${tokenId}' not found`);
  return toTokenView(record);
}
