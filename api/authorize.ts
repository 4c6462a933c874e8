import type { FastifyRequest } from 'fastify';
import { authenticateToken } from '../identity/authenticateToken';
import { resolveConsoleSession } from '../identity/console/resolveConsoleSession';
import { hasPermission, type Principal } from '../identity/hasPermission';
import type { IdentityDeps } from '../identity/IdentityDeps';
import { IdentityError } from '../identity/IdentityError';
import { consoleCookieName, readCookie } from './readCookie';

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

/** What authorize() reads: the token list, the clock, console sessions and the public URL. */
export type AuthorizeDeps = Pick<IdentityDeps, 'definitions' | 'now' | 'records'> & {
  publicUrl: string;
};

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * onRequest hook body: authenticate the bearer token, or without an Authorization header the
 * console session's cookie, and check the route's access rule. Bearer requests are checked
 * synchronously; a cookie needs a record lookup, so then a promise is returned.
 */
export function authorize(
  request: FastifyRequest,
  deps: AuthorizeDeps,
  rootSecretHash: string | undefined,
): undefined | Promise<void> {
  const access = request.routeOptions.config.access;
  if (!access) return;
  const header = request.headers.authorization;
  const cookie =
    header === undefined ? readCookie(request.headers.cookie, consoleCookieName) : undefined;
  if (cookie !== undefined) return authorizeConsole(request, deps, rootSecretHash, cookie);
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
  admit(request, deps, access, principal, tenantId);
}

/**
 * A console request: exactly the session token's permissions, in the session's tenant
 * (X-Tenant-Id is ignored). A state-changing request must come from the console's own origin:
 * SameSite=Strict already keeps the cookie off cross-site requests, the Origin check also
 * covers same-site ones (another port or subdomain).
 */
async function authorizeConsole(
  request: FastifyRequest,
  deps: AuthorizeDeps,
  rootSecretHash: string | undefined,
  secret: string,
) {
  const access = request.routeOptions.config.access!;
  if (stateChanging.has(request.method) && request.headers.origin !== deps.publicUrl) {
    throw new IdentityError(
      'ORIGIN_NOT_TRUSTED',
      `a console request that changes state must come from ${deps.publicUrl}; Origin was ${request.headers.origin?.slice(0, 100) ?? 'absent'}`,
    );
  }
  const { principal, record } = await resolveConsoleSession(deps, { secret, rootSecretHash });
  const pathTenant =
    access !== 'root' && access.tenantFromPath
      ? (request.params as { tenant?: string }).tenant
      : undefined;
  // The session acts in one tenant: any other looks missing, as for a tenant token.
  if (pathTenant !== undefined && pathTenant !== record.tenantId) {
    throw new IdentityError('TENANT_NOT_FOUND', `tenant '${pathTenant}' not found`);
  }
  admit(request, deps, access, principal, record.tenantId);
}

/** The access rule, once the principal and its tenant are known. */
function admit(
  request: FastifyRequest,
  deps: AuthorizeDeps,
  access: RouteAccess,
  principal: Principal,
  tenantId: string,
) {
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
