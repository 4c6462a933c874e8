import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createApiToken } from '../../identity/createApiToken';
import { createTenant } from '../../identity/createTenant';
import { IdentityError } from '../../identity/IdentityError';
import { DateTime, errorResponses, Name, ShortText, Strict } from '../schemas/common';

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
      config: { access: { area: 'Admin', actions: ['createToken'] } },
      schema: {
        tags,
        summary: 'Issue an API token; the secret is in this response only',
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
      const { tenant } = request.params;
      // A tenant token may mint tokens for its own tenant only; the path must agree with it.
      if (request.principal.kind === 'tenant' && request.principal.tenantId !== tenant) {
        throw new IdentityError('TENANT_NOT_FOUND', `tenant '${tenant}' not found`);
      }
      const { name, permissions, expiresAt } = request.body;
      const token = await createApiToken(app.deps, {
        tenantId: tenant,
        name,
        permissions,
        expiresAt: expiresAt ?? null,
      });
      return reply.status(201).send(token);
    },
  );
};
