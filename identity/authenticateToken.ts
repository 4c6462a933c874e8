import type { ApiTokenRecord } from '../storage/IdentityDefinitions';
import { hashSecret } from './hashSecret';
import type { Principal } from './hasPermission';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';

const indexes = new WeakMap<readonly ApiTokenRecord[], Map<string, ApiTokenRecord>>();

/** The principal for a bearer secret; unknown, malformed or expired tokens are all 401. */
export function authenticateToken(
  deps: Pick<IdentityDeps, 'definitions' | 'now'>,
  { secret, rootSecretHash }: { secret: string; rootSecretHash?: string | undefined },
): Principal {
  const hash = hashSecret(secret);
  if (rootSecretHash !== undefined && hash === rootSecretHash) {
    return { kind: 'root', tokenId: 'env:KEYFORM_ADMIN_TOKEN', expiresAt: null };
  }
  const record = indexOf(deps.definitions.read().tokens).get(hash);
  if (!record) throw new IdentityError('TOKEN_INVALID', 'the bearer token is not known');
  if (record.expiresAt !== null && Date.parse(record.expiresAt) <= deps.now()) {
    throw new IdentityError('TOKEN_INVALID', 'the bearer token has expired');
  }
  if (record.tenantId === null)
    return { kind: 'root', tokenId: record.id, expiresAt: record.expiresAt };
  return {
    kind: 'tenant',
    tokenId: record.id,
    tenantId: record.tenantId,
    permissions: record.permissions,
    expiresAt: record.expiresAt,
  };
}

/**
 * Hash lookups stay O(1); the index is rebuilt only when the token list itself changes. Every
 * committed update of the definitions replaces the list, so a revoked token is gone from the
 * index on the very next request: nothing here outlives the state it was built from.
 */
function indexOf(tokens: readonly ApiTokenRecord[]) {
  let index = indexes.get(tokens);
  if (!index) {
    index = new Map(tokens.map((t) => [t.secretHash, t]));
    indexes.set(tokens, index);
  }
  return index;
}
