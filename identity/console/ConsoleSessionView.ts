import type { Principal } from '../hasPermission';

/** Who a console session is: what the shell shows and what it may offer. */
export interface ConsoleSessionView {
  tokenId: string;
  tokenName: string;
  tenantId: string;
  /** A root token acts in every tenant; the session keeps the one it chose. */
  root: boolean;
  /** The token's permissions (empty for a root token, which needs none). */
  permissions: string[];
  /** ISO time the session ends (at the latest when its token expires). */
  expiresAt: string;
}

export function toConsoleSessionView({
  principal,
  tokenName,
  tenantId,
  expiresAt,
}: {
  principal: Principal;
  tokenName: string;
  tenantId: string;
  expiresAt: number;
}): ConsoleSessionView {
  return {
    tokenId: principal.tokenId,
    tokenName,
    tenantId,
    root: principal.kind === 'root',
    permissions: principal.kind === 'tenant' ? principal.permissions : [],
    expiresAt: new Date(expiresAt).toISOString(),
  };
}
