import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { findRelyingParty, listRelyingParties } from '../../identity/findRelyingParty';
import { putRelyingParty } from '../../identity/putRelyingParty';
import { toRelyingPartyView } from '../../identity/toRelyingPartyView';
import { errorResponses } from '../schemas/common';
import { RelyingPartyBody, RelyingPartyView } from '../schemas/identity';

const tags = ['Relying parties'];
const RpParams = Type.Object({
  rpId: Type.String({
    minLength: 1,
    maxLength: 253,
    pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$',
  }),
});
const read = { access: { area: 'IdentityStore', actions: ['readRelyingParty'] } };

export const relyingPartyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/identity-store/passkeys/relyingParties/:rpId',
    {
      config: { access: { area: 'IdentityStore', actions: ['manageRelyingParty'] } },
      schema: {
        tags,
        summary:
          'Create or replace a relying party and its registration and authentication policies',
        params: RpParams,
        body: RelyingPartyBody,
        response: { 200: RelyingPartyView, 201: RelyingPartyView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { record, created } = await putRelyingParty(app.deps, {
        tenantId: request.tenantId,
        rpId: request.params.rpId,
        ...request.body,
      });
      return reply.status(created ? 201 : 200).send(toRelyingPartyView(record));
    },
  );

  app.get(
    '/api/identity-store/passkeys/relyingParties',
    {
      config: read,
      schema: {
        tags,
        summary: 'List relying parties',
        response: { 200: Type.Object({ items: Type.Array(RelyingPartyView) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: listRelyingParties(app.deps, request.tenantId).map(toRelyingPartyView),
    }),
  );

  app.get(
    '/api/identity-store/passkeys/relyingParties/:rpId',
    {
      config: read,
      schema: {
        tags,
        summary: 'Get a relying party',
        params: RpParams,
        response: { 200: RelyingPartyView, ...errorResponses },
      },
    },
    async (request) =>
      toRelyingPartyView(
        findRelyingParty(app.deps, { tenantId: request.tenantId, rpId: request.params.rpId }),
      ),
  );
};
