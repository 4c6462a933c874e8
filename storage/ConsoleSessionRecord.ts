/** A console session as the api sees it; its secret is never stored, only `secretHash`. */
export interface ConsoleSessionRecord {
  secretHash: string;
  tokenId: string;
  /** sha256 (hex) of the token's secret: a replaced or revoked token no longer matches. */
  tokenHash: string;
  tenantId: string;
  /** ms since the epoch. */
  expiresAt: number;
  createdAt: string;
}
