import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createIdentityStore } from '../../identity/createIdentityStore';
import { findIdentityStore, listIdentityStores } from '../../identity/findIdentityStore';
import { errorResponses, Name } from '../schemas/common';
import { StoreBody, StoreView } from '../schemas/identity';

const tags = ['Identity stores'];
const read = { area: 'IdentityStore', actions: ['readStore'] };

export const identityStoreRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/identity-store/stores',
    {
      config: { access: { area: 'IdentityStore', actions: ['createStore'] } },
      schema: {
        tags,
        summary: 'Create an identity store',
        body: StoreBody,
        response: { 201: StoreView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createIdentityStore(app.deps, {
          tenantId: request.tenantId,
          name: request.body.name,
          displayName: request.body.displayName ?? null,
        }),
      ),
  );

  app.get(
    '/api/identity-store/stores',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'List identity stores',
        response: { 200: Type.Object({ items: Type.Array(StoreView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: listIdentityStores(app.deps, request.tenantId) }),
  );

  app.get(
    '/api/identity-store/stores/:storeName',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Get an identity store',
        params: Type.Object({ storeName: Name }),
        response: { 200: StoreView, ...errorResponses },
      },
    },
    async (request) =>
      findIdentityStore(app.deps, { tenantId: request.tenantId, name: request.params.storeName }),
  );
};
