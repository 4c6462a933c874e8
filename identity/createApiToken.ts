import { isoNow } from '../core/isoNow';
import { randomId } from '../core/randomId';
import { findUncoveredPermissions } from './findUncoveredPermissions';
import { hashSecret } from './hashSecret';
import type { Principal } from './hasPermission';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError, invalidField } from './IdentityError';
import { parsePermission } from './parsePermission';

/**
 * Issue an API token. The secret (256 random bits) is returned once and only its hash is kept.
 * `tenantId: null` makes a root token. An `issuer` (the token of the request) can hand out no
 * more than it has: permissions it holds itself, and a lifetime that ends no later than its own.
 * Without an issuer the server itself is issuing (seeding the first root token).
 */
export async function createApiToken(
  deps: IdentityDeps,
  {
    tenantId,
    name,
    permissions = [],
    expiresAt = null,
    issuer,
  }: {
    tenantId: string | null;
    name: string;
    permissions?: string[];
    expiresAt?: string | null;
    issuer?: Principal;
  },
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
  if (issuer) checkIssuer(issuer, { tenantId, permissions, expiresAt });
  const secret = `kf_${randomId(deps, 256)}`;
  const record = {
    id: `tok_${randomId(deps, 96)}`,
    tenantId,
    name,
    secretHash: hashSecret(secret),
    permissions,
    expiresAt,
    createdAt: isoNow(deps),
    lastUsedAt: null,
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

/** No escalation: a token mints only within its tenant, its permissions and its lifetime. */
function checkIssuer(
  issuer: Principal,
  wanted: { tenantId: string | null; permissions: string[]; expiresAt: string | null },
) {
  // Even a token with no permissions must not appear in another tenant (or as a root token).
  if (issuer.kind === 'tenant' && wanted.tenantId !== issuer.tenantId) {
    throw new IdentityError('TENANT_NOT_FOUND', `tenant '${wanted.tenantId}' not found`);
  }
  const missing = findUncoveredPermissions({ holder: issuer, requested: wanted.permissions });
  if (missing.length > 0) {
    throw new IdentityError(
      'PERMISSION_NOT_HELD',
      `a token can grant only permissions it holds; it does not hold ${missing.join(', ')}`,
      { details: { permissions: missing } },
    );
  }
  if (issuer.expiresAt === null) return;
  // Comparing instants, not strings: `2026-01-01T01:00:00+01:00` is `2026-01-01T00:00:00Z`.
  if (wanted.expiresAt === null || Date.parse(wanted.expiresAt) > Date.parse(issuer.expiresAt)) {
    throw new IdentityError(
      'TOKEN_EXPIRY_TOO_LATE',
      `a token can grant no longer life than its own: expected expiresAt at or before ${issuer.expiresAt}, received ${wanted.expiresAt ?? 'none (never expires)'}`,
      { details: { expiresAt: wanted.expiresAt, latest: issuer.expiresAt } },
    );
  }
}
