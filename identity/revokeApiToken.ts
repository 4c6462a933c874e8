import { findUncoveredPermissions } from './findUncoveredPermissions';
import type { Principal } from './hasPermission';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';

/**
 * Revoke (delete) an API token of `tenantId`. The next request with it is a 401: the
 * authentication reads the committed token list, with no cache of its own. A token may revoke
 * itself; it may not revoke one that holds permissions it lacks, or a narrow token could
 * switch off the tenant's administrators.
 */
export async function revokeApiToken(
  deps: Pick<IdentityDeps, 'definitions'>,
  { tenantId, tokenId, revoker }: { tenantId: string; tokenId: string; revoker: Principal },
) {
  await deps.definitions.update((draft) => {
    const index = draft.tokens.findIndex((t) => t.id === tokenId && t.tenantId === tenantId);
    if (index < 0) throw new IdentityError('TOKEN_NOT_FOUND', `token '${tokenId}' not found`);
    const target = draft.tokens[index]!;
    const missing = findUncoveredPermissions({ holder: revoker, requested: target.permissions });
    if (target.id !== revoker.tokenId && missing.length > 0) {
      throw new IdentityError(
        'PERMISSION_NOT_HELD',
        `a token can revoke only tokens whose permissions it holds; it does not hold ${missing.join(', ')}`,
        { details: { permissions: missing } },
      );
    }
    draft.tokens.splice(index, 1);
  });
}
