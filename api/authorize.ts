import type { FastifyRequest } from 'fastify';
import { authenticateToken } from '../identity/authenticateToken';
import { hasPermission, type Principal } from '../identity/hasPermission';
import type { IdentityDeps } from '../identity/IdentityDeps';
import { IdentityError } from '../identity/IdentityError';

/**
 * What a route needs: root, or any one of `actions` in `area` of the request's tenant. With
 * `tenantFromPath` the tenant is the route's `:tenant` (Beyond Identity's `/v1/tenants/{tenant}`).
 */
export type RouteAccess = 'root' | { area: string; actions: string[]; tenantFromPath?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal;
    /** The tenant this request acts in: the token's own, or `X-Tenant-Id` for a root token. */
    tenantId: string;
  }
}

const tenantHeader = /^[A-Za-z0-9_-]{1,64}$/;

/** onRequest hook body: authenticate the bearer token and check the route's access rule. */
export function authorize(
  request: FastifyRequest,
  deps: Pick<IdentityDeps, 'definitions' | 'now'>,
  rootSecretHash: string | undefined,
) {
  const access = request.routeOptions.config.access;
  if (!access) return;
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9_.~+/=-]{16,512})$/.exec(header) : null;
  if (!match) {
    throw new IdentityError('TOKEN_INVALID', 'expected an Authorization: Bearer <token> header');
  }
  const principal = authenticateToken(deps, { secret: match[1]!, rootSecretHash });
  const requested = request.headers['x-tenant-id'];
  if (requested !== undefined && (typeof requested !== 'string' || !tenantHeader.test(requested))) {
    throw new IdentityError('INVALID_INPUT', 'X-Tenant-Id must be a tenant id');
  }
  const pathTenant =
    access !== 'root' && access.tenantFromPath
      ? (request.params as { tenant?: string }).tenant
      : undefined;
  const tenantId =
    pathTenant ?? (principal.kind === 'root' ? (requested ?? 'default') : principal.tenantId);
  // Another tenant's resources look like missing ones (404), as everywhere else.
  if (
    principal.kind === 'tenant' &&
    pathTenant !== undefined &&
    pathTenant !== principal.tenantId
  ) {
    throw new IdentityError('TENANT_NOT_FOUND', `tenant '${pathTenant}' not found`);
  }
  if (principal.kind === 'tenant' && requested !== undefined && requested !== tenantId) {
    throw new IdentityError('PERMISSION_DENIED', 'a tenant token acts only in its own tenant');
  }
  request.principal = principal;
  request.tenantId = tenantId;
  if (access === 'root') {
    if (principal.kind !== 'root')
      throw new IdentityError('PERMISSION_DENIED', 'this route needs a root token');
    return;
  }
  if (!deps.definitions.read().tenants.some((t) => t.id === tenantId)) {
    throw new IdentityError('TENANT_NOT_FOUND', `tenant '${tenantId}' not found`);
  }
  const allowed = access.actions.some((action) =>
    hasPermission({ principal, tenantId, area: access.area, action }),
  );
  if (!allowed) {
    const wanted = access.actions.map((a) => `TNT#${tenantId}#${access.area}:${a}`).join(' or ');
    throw new IdentityError('PERMISSION_DENIED', `this route needs ${wanted}`);
  }
}
