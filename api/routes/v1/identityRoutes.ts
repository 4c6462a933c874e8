import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { BindingDeps } from '../../../identity/binding/BindingDeps';
import { createIdentity } from '../../../identity/binding/createIdentity';
import { listIdentities } from '../../../identity/binding/listIdentities';
import { toIdentityView } from '../../../identity/binding/toIdentityView';
import { updateIdentity } from '../../../identity/binding/updateIdentity';
import { deleteUser } from '../../../identity/deleteUser';
import { findUser } from '../../../identity/findUser';
import {
  bindingErrors,
  CreateIdentityBody,
  IdentityList,
  IdentityParams,
  IdentityView,
  ListQuery,
  PatchIdentityBody,
  TenantParams,
} from '../../schemas/binding';
import { pagingOf, realmOf, scopeAccess } from './scopeAccess';

const tags = ['Beyond Identity: identities'];
const base = '/v1/tenants/:tenant/realms/:realm/identities';

/** Identities of a realm: the store's users, seen the way Beyond Identity shows them. */
export const identityRoutes: FastifyPluginAsyncTypebox<{ deps: BindingDeps }> = async (
  app,
  { deps },
) => {
  app.post(
    base,
    {
      config: scopeAccess('identities:create'),
      schema: {
        tags,
        summary: 'Create an identity (a user of store {realm})',
        params: TenantParams,
        body: CreateIdentityBody,
        response: { 200: IdentityView, ...bindingErrors },
      },
    },
    async (request) =>
      createIdentity(deps, { ...realmOf(request.params), input: request.body.identity }),
  );

  app.get(
    base,
    {
      config: scopeAccess('identities:read'),
      schema: {
        tags,
        summary: 'List identities, oldest first (page_size ≤ 200, default 20; page_token; skip)',
        params: TenantParams,
        querystring: ListQuery,
        response: { 200: IdentityList, ...bindingErrors },
      },
    },
    async (request) =>
      listIdentities(deps, { ...realmOf(request.params), ...pagingOf(request.query) }),
  );

  app.get(
    `${base}/:identityId`,
    {
      config: scopeAccess('identities:read'),
      schema: {
        tags,
        summary: 'Get an identity',
        params: IdentityParams,
        response: { 200: IdentityView, ...bindingErrors },
      },
    },
    async (request) =>
      toIdentityView(
        await findUser(deps, { ...realmOf(request.params), userId: request.params.identityId }),
      ),
  );

  app.patch(
    `${base}/:identityId`,
    {
      config: scopeAccess('identities:update'),
      schema: {
        tags,
        summary:
          'Update an identity (display_name, status, traits; a trait set to null is cleared)',
        params: IdentityParams,
        body: PatchIdentityBody,
        response: { 200: IdentityView, ...bindingErrors },
      },
    },
    async (request) =>
      updateIdentity(deps, {
        ...realmOf(request.params),
        userId: request.params.identityId,
        input: request.body.identity,
      }),
  );

  app.delete(
    `${base}/:identityId`,
    {
      config: scopeAccess('identities:delete'),
      schema: {
        tags,
        summary: 'Delete an identity and its passkeys',
        params: IdentityParams,
        response: { 204: Type.Null(), ...bindingErrors },
      },
    },
    async (request, reply) => {
      await deleteUser(deps, { ...realmOf(request.params), userId: request.params.identityId });
      return reply.status(204).send(null);
    },
  );
};
