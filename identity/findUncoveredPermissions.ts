import type { Principal } from './hasPermission';
import { type Permission, parsePermission } from './parsePermission';

/**
 * The permissions of `requested` that `holder` does not hold, in their order; empty when it
 * holds them all. Both sides are parsed, never prefix-matched: `TNT#acme#IdentityStore:*`
 * covers `TNT#acme#IdentityStore:readUser`, `TNT#acme#*` covers all of tenant acme, and a
 * wildcard is covered only by the same wildcard (`X:*` does not cover `*`). A root token holds
 * everything. A malformed requested permission is never covered.
 */
export function findUncoveredPermissions({
  holder,
  requested,
}: {
  holder: Principal;
  requested: readonly string[];
}) {
  if (holder.kind === 'root') return [];
  const held = holder.permissions
    .map(parsePermission)
    .filter((p): p is Permission => p !== undefined && p.tenant === holder.tenantId);
  return requested.filter((text) => {
    const wanted = parsePermission(text);
    return wanted === undefined || !held.some((grant) => covers(grant, wanted));
  });
}

/**
 * Areas and actions are open sets, so one grant must cover the whole request by itself: a
 * union of named areas never adds up to `*`.
 */
function covers(grant: Permission, wanted: Permission) {
  return (
    grant.tenant === wanted.tenant &&
    (grant.area === '*' || grant.area === wanted.area) &&
    (grant.action === '*' || grant.action === wanted.action)
  );
}
