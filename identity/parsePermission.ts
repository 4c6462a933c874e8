/** A parsed `TNT#{tenant}#{Area}:{action}`; `*` stands for any area or any action. */
export interface Permission {
  tenant: string;
  area: string;
  action: string;
}

const shape = /^TNT#([A-Za-z0-9_-]{1,64})#([A-Za-z]{1,64}|\*)(?::([A-Za-z]{1,64}|\*))?$/;

/**
 * Parse one permission string, or `undefined` when it is malformed. Parsing (never prefix
 * matching) is what keeps `TNT#acme#Identity` from granting `TNT#acme#IdentityStore:...`.
 */
export function parsePermission(text: string): Permission | undefined {
  const match = shape.exec(text);
  if (!match) return undefined;
  const [, tenant, area, action] = match;
  // `TNT#acme#*` grants every area; an area without an action is not a permission.
  if (area !== '*' && action === undefined) return undefined;
  return { tenant: tenant!, area: area!, action: action ?? '*' };
}
