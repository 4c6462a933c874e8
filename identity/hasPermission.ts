import { parsePermission } from './parsePermission';

/** The caller behind a request: a root token, or a token of one tenant with its grants. */
export type Principal =
  | { kind: 'root'; tokenId: string; expiresAt: string | null }
  | {
      kind: 'tenant';
      tokenId: string;
      tenantId: string;
      permissions: string[];
      expiresAt: string | null;
    };

/** Whether `principal` may do `area:action` in `tenantId`. A tenant token acts only in its own. */
export function hasPermission({
  principal,
  tenantId,
  area,
  action,
}: {
  principal: Principal;
  tenantId: string;
  area: string;
  action: string;
}) {
  if (principal.kind === 'root') return true;
  if (principal.tenantId !== tenantId) return false;
  return principal.permissions.some((text) => {
    const granted = parsePermission(text);
    return (
      granted !== undefined &&
      granted.tenant === tenantId &&
      (granted.area === '*' || granted.area === area) &&
      (granted.action === '*' || granted.action === action)
    );
  });
}
