import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createUser } from '../../identity/createUser';
import { deletePasskey } from '../../identity/deletePasskey';
import { deleteUser } from '../../identity/deleteUser';
import { findUser } from '../../identity/findUser';
import { getPasskey } from '../../identity/getPasskey';
import { listPasskeys } from '../../identity/listPasskeys';
import { listUsers } from '../../identity/listUsers';
import { updatePasskey } from '../../identity/updatePasskey';
import { updateUser } from '../../identity/updateUser';
import { errorResponses, Id, Name, Page, PageQuery } from '../schemas/common';
import { CreateUserBody, PatchUserBody, UserView } from '../schemas/identity';
import { PatchPasskeyBody, StoredPasskey } from '../schemas/passkeys';

const tags = ['Users'];
const access = (action: string) => ({ access: { area: 'IdentityStore', actions: [action] } });
const StoreParams = Type.Object({ storeName: Name });
const UserParams = Type.Object({ storeName: Name, userId: Id });
const PasskeyParams = Type.Object({ storeName: Name, userId: Id, passkeyId: Id });
const base = '/api/identity-store/stores/:storeName/users';

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    base,
    {
      config: access('createUser'),
      schema: {
        tags,
        summary: 'Add a user',
        params: StoreParams,
        body: CreateUserBody,
        response: { 201: UserView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { storeName } = request.params;
      const user = await createUser(app.deps, {
        tenantId: request.tenantId,
        storeName,
        input: request.body,
      });
      return reply.status(201).send(user);
    },
  );

  app.get(
    base,
    {
      config: access('readUser'),
      schema: {
        tags,
        summary: 'List users, page from 0, size up to 200',
        params: StoreParams,
        querystring: PageQuery,
        response: { 200: Page(UserView), ...errorResponses },
      },
    },
    async (request) =>
      listUsers(app.deps, {
        tenantId: request.tenantId,
        storeName: request.params.storeName,
        page: Number(request.query.page ?? 0),
        size: Number(request.query.size ?? 20),
      }),
  );

  app.get(
    `${base}/:userId`,
    {
      config: access('readUser'),
      schema: {
        tags,
        summary: 'Get a user by id',
        params: UserParams,
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (request) => findUser(app.deps, { tenantId: request.tenantId, ...request.params }),
  );

  app.get(
    `${base}/:userExtId/ext`,
    {
      config: access('readUser'),
      schema: {
        tags,
        summary: 'Get a user by externalId',
        params: Type.Object({ storeName: Name, userExtId: Id }),
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (request) =>
      findUser(app.deps, {
        tenantId: request.tenantId,
        storeName: request.params.storeName,
        externalId: request.params.userExtId,
      }),
  );

  app.patch(
    `${base}/:userId`,
    {
      config: access('updateUser'),
      schema: {
        tags,
        summary: 'Update a user (fields set to null are cleared)',
        params: UserParams,
        body: PatchUserBody,
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (request) =>
      updateUser(app.deps, { tenantId: request.tenantId, ...request.params, patch: request.body }),
  );

  app.delete(
    `${base}/:userId`,
    {
      config: access('deleteUser'),
      schema: {
        tags,
        summary: 'Delete a user and their passkeys',
        params: UserParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteUser(app.deps, { tenantId: request.tenantId, ...request.params });
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/:userId/passkeys`,
    {
      config: access('readUser'),
      schema: {
        tags,
        summary: "List a user's passkeys",
        params: UserParams,
        response: { 200: Type.Object({ items: Type.Array(StoredPasskey) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await listPasskeys(app.deps, { tenantId: request.tenantId, ...request.params }),
    }),
  );

  app.get(
    `${base}/:userId/passkeys/:passkeyId`,
    {
      config: access('readUser'),
      schema: {
        tags,
        summary: "Get one of a user's passkeys",
        params: PasskeyParams,
        response: { 200: StoredPasskey, ...errorResponses },
      },
    },
    async (request) => getPasskey(app.deps, { tenantId: request.tenantId, ...request.params }),
  );

  app.patch(
    `${base}/:userId/passkeys/:passkeyId`,
    {
      config: access('updatePasskey'),
      schema: {
        tags,
        summary: 'Name a passkey (nickname null clears it)',
        params: PasskeyParams,
        body: PatchPasskeyBody,
        response: { 200: StoredPasskey, ...errorResponses },
      },
    },
    async (request) =>
      updatePasskey(app.deps, {
        tenantId: request.tenantId,
        ...request.params,
        patch: request.body,
      }),
  );

  app.delete(
    `${base}/:userId/passkeys/:passkeyId`,
    {
      config: access('deletePasskey'),
      schema: {
        tags,
        summary: 'Delete a passkey',
        params: PasskeyParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deletePasskey(app.deps, { tenantId: request.tenantId, ...request.params });
      return reply.status(204).send(null);
    },
  );
};
