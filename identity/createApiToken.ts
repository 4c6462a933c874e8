import { hashSecret } from './hashSecret';
import { type IdentityDeps, isoNow, randomId } from './IdentityDeps';
import { IdentityError, invalidField } from './IdentityError';
import { parsePermission } from './parsePermission';

/**
 * Issue an API token. The secret (256 random bits) is returned once and only its hash is kept.
 * `tenantId: null` makes a root token.
 */
export async function createApiToken(
  deps: IdentityDeps,
  {
    tenantId,
    name,
    permissions = [],
    expiresAt = null,
  }: { tenantId: string | null; name: string; permissions?: string[]; expiresAt?: string | null },
) {
  permissions.forEach((text, i) => {
    const parsed = parsePermission(text);
    if (!parsed) {
      throw invalidField(`/permissions/${i}`, `'${text}' is not TNT#{tenant}#{Area}:{action}`);
    }
    // A token acts in its own tenant; a grant for another tenant would be dead weight or a trap.
    if (parsed.tenant !== tenantId) {
      throw invalidField(
        `/permissions/${i}`,
        `names tenant '${parsed.tenant}', expected '${tenantId}'`,
      );
    }
  });
  if (expiresAt !== null && Date.parse(expiresAt) <= deps.now()) {
    throw invalidField('/expiresAt', `${expiresAt} is not in the future`);
  }
  const secret = `kf_${randomId(deps, 256)}`;
  const record = {
    id: `tok_${randomId(deps, 96)}`,
    tenantId,
    name,
    secretHash: hashSecret(secret),
    permissions,
    expiresAt,
    createdAt: isoNow(deps),
  };
  await deps.definitions.update((draft) => {
    if (tenantId !== null && !draft.tenants.some((t) => t.id === tenantId)) {
      throw new IdentityError('TENANT_NOT_FOUND', `tenant '${tenantId}' does not exist`);
    }
    draft.tokens.push(record);
  });
  return {
    id: record.id,
    token: secret,
    name,
    permissions,
    expiresAt,
    createdAt: record.createdAt,
  };
}
