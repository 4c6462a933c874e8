/** GET /api/console/session: who the console acts as (api/schemas/console.ts). */
export interface ConsoleSessionView {
  tokenId: string;
  tokenName: string;
  tenantId: string;
  root: boolean;
  permissions: string[];
  expiresAt: string;
}
