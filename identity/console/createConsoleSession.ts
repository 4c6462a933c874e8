import { authenticateToken } from '../authenticateToken';
import { hashSecret } from '../hashSecret';
import type { IdentityDeps } from '../IdentityDeps';
import { IdentityError } from '../IdentityError';
import { type ConsoleSessionView, toConsoleSessionView } from './ConsoleSessionView';
import { envRootTokenId } from './rootTokenId';

/**
 * Exchange an API token for a console session: a random 256-bit secret for the cookie, stored
 * only as its sha256 with the token it acts as and the tenant it acts in (a root token chooses
 * it, `default` unless told; a tenant token acts in its own). The session ends after `hours`, or
 * when the token expires, whichever comes first. A wrong token stores nothing.
 */
export async function createConsoleSession(
  deps: Pick<IdentityDeps, 'definitions' | 'records' | 'now' | 'randomBytes'>,
  {
    token,
    tenantId: requested,
    hours,
    rootSecretHash,
  }: { token: string; tenantId?: string; hours: number; rootSecretHash: string | undefined },
): Promise<{ secret: string; maxAgeSeconds: number; session: ConsoleSessionView }> {
  const principal = authenticateToken(deps, { secret: token, rootSecretHash });
  if (principal.kind === 'tenant' && requested !== undefined && requested !== principal.tenantId) {
    throw new IdentityError('PERMISSION_DENIED', 'a tenant token acts only in its own tenant');
  }
  const tenantId = principal.kind === 'tenant' ? principal.tenantId : (requested ?? 'default');
  const definitions = deps.definitions.read();
  // Checked now, so the console never starts in a tenant whose every request would be a 404.
  if (!definitions.tenants.some((t) => t.id === tenantId)) {
    throw new IdentityError('TENANT_NOT_FOUND', `tenant '${tenantId}' not found`);
  }
  const now = deps.now();
  const tokenExpiry = principal.expiresAt === null ? Infinity : Date.parse(principal.expiresAt);
  const expiresAt = Math.min(now + hours * 3_600_000, tokenExpiry);
  const secret = deps.randomBytes(32).toString('base64url');
  await deps.records.consoleSessions.insert({
    secretHash: hashSecret(secret),
    tokenId: principal.tokenId,
    tokenHash: hashSecret(token),
    tenantId,
    expiresAt,
    createdAt: new Date(now).toISOString(),
  });
  const tokenName =
    principal.tokenId === envRootTokenId
      ? 'KEYFORM_ADMIN_TOKEN'
      : (definitions.tokens.find((t) => t.id === principal.tokenId)?.name ?? principal.tokenId);
  return {
    secret,
    maxAgeSeconds: Math.max(1, Math.floor((expiresAt - now) / 1000)),
    session: toConsoleSessionView({ principal, tokenName, tenantId, expiresAt }),
  };
}
