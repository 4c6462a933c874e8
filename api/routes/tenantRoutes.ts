import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createApiToken } from '../../identity/createApiToken';
import { createTenant } from '../../identity/createTenant';
import { findApiToken } from '../../identity/findApiToken';
import { listApiTokens } from '../../identity/listApiTokens';
import { revokeApiToken } from '../../identity/revokeApiToken';
import {
  DateTime,
  errorResponses,
  Id,
  Name,
  Page,
  PageQuery,
  ShortText,
  Strict,
} from '../schemas/common';

const tags = ['Tenants and tokens'];

export const tenantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/tenants',
    {
      config: { access: 'root' },
      schema: {
        tags,
        summary: 'Create a tenant (root token only); it gets a `default` identity store',
        body: Strict({ id: Name }),
        response: {
          201: Type.Object({ id: Type.String(), createdAt: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTenant(app.deps, { id: request.body.id })),
  );

  app.post(
    '/api/tenants/:tenant/tokens',
    {
      config: admin('createToken'),
      schema: {
        tags,
        summary:
          'Issue an API token; the secret is in this response only. A tenant token grants only permissions it holds, and no later expiry than its own',
        params: Type.Object({ tenant: Name }),
        body: Strict({
          name: ShortText,
          permissions: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }),
          expiresAt: Type.Optional(DateTime),
        }),
        response: {
          201: Type.Object({
            id: Type.String(),
            token: Type.String(),
            name: Type.String(),
            permissions: Type.Array(Type.String()),
            expiresAt: Type.Union([Type.String(), Type.Null()]),
            createdAt: Type.String(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { name, permissions, expiresAt } = request.body;
      // The path's tenant (authorize() already refused another tenant's path for a tenant token).
      const token = await createApiToken(app.deps, {
        tenantId: request.params.tenant,
        name,
        permissions,
        expiresAt: expiresAt ?? null,
        issuer: request.principal,
      });
      return reply.status(201).send(token);
    },
  );

  app.get(
    '/api/tenants/:tenant/tokens',
    {
      config: admin('readToken'),
      schema: {
        tags,
        summary: "List the tenant's API tokens, page from 0, size up to 200 (never their secrets)",
        params: Type.Object({ tenant: Name }),
        querystring: PageQuery,
        response: { 200: Page(TokenView), ...errorResponses },
      },
    },
    async (request) =>
      listApiTokens(app.deps, {
        tenantId: request.params.tenant,
        page: Number(request.query.page ?? 0),
        size: Number(request.query.size ?? 20),
      }),
  );

  app.get(
    '/api/tenants/:tenant/tokens/:tokenId',
    {
      config: admin('readToken'),
      schema: {
        tags,
        summary: 'Get an API token by id (never its secret)',
        params: TokenParams,
        response: { 200: TokenView, ...errorResponses },
      },
    },
    async (request) =>
      findApiToken(app.deps, { tenantId: request.params.tenant, tokenId: request.params.tokenId }),
  );

  app.delete(
    '/api/tenants/:tenant/tokens/:tokenId',
    {
      config: admin('revokeToken'),
      schema: {
        tags,
        summary:
          'Revoke an API token: refused from the next request on. A token may revoke itself, but no token holding permissions the caller lacks',
        params: TokenParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeApiToken(app.deps, {
        tenantId: request.params.tenant,
        tokenId: request.params.tokenId,
        revoker: request.principal,
      });
      return reply.status(204).send(null);
    },
  );
};

/** `Admin:{action}` in the path's tenant; another tenant's path is a 404 for a tenant token. */
const admin = (action: string) => ({
  access: { area: 'Admin', actions: [action], tenantFromPath: true },
});

const TokenParams = Type.Object({ tenant: Name, tokenId: Id });

const TokenView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  permissions: Type.Array(Type.String()),
  expiresAt: Type.Union([DateTime, Type.Null()]),
  createdAt: DateTime,
  lastUsedAt: Type.Union([DateTime, Type.Null()], {
    description: 'when the token last authenticated a request; up to a minute behind',
  }),
});
