import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { BindingDeps } from '../../../identity/binding/BindingDeps';
import { completeBinding } from '../../../identity/binding/completeBinding';
import { openBindingLink } from '../../../identity/binding/openBindingLink';
import { redeemBindingLink } from '../../../identity/binding/redeemBindingLink';
import { toBindingJobView } from '../../../identity/binding/toBindingJobView';
import { toIdentityView } from '../../../identity/binding/toIdentityView';
import { trustedOriginsOf } from '../../../identity/binding/trustedOriginsOf';
import { IdentityError } from '../../../identity/IdentityError';
import {
  bindingErrors,
  CompleteBody,
  CompletedBinding,
  JobParams,
  RedeemedLink,
  TokenQuery,
} from '../../schemas/binding';
import { Strict } from '../../schemas/common';

const tags = ['Beyond Identity: binding links (end user)'];
const base =
  '/v1/tenants/:tenant/realms/:realm/identities/:identityId/credential-binding-jobs/:jobId(^[A-Za-z0-9_-]+)';
const link = `${base}::invokeAuthenticator`;
const complete = `${base}::complete`;
type Params = { tenant: string; realm: string; identityId: string; jobId: string };

/**
 * What the end user's browser calls, authorised by the link's token (and then the completion
 * token), never by an API token; rate limited per address. The embedded SDK runs on the
 * integrator's origin, so the POSTs answer CORS for the job's trusted origins only.
 */
export const bindingLinkRoutes: FastifyPluginAsyncTypebox<{ deps: BindingDeps }> = async (
  app,
  { deps },
) => {
  const perAddress = {
    rateLimit: {
      max: app.config.publicRateLimit,
      timeWindow: 60_000,
      keyGenerator: (r: FastifyRequest) => r.ip,
    },
  };
  const address = (p: Params) => ({
    tenantId: p.tenant,
    storeName: p.realm,
    userId: p.identityId,
    jobId: p.jobId,
  });
  /** Deny by default: a browser origin other than Keyform's and the config's trusted ones gets 403. */
  const allowOrigin = async (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    if (origin === undefined) return; // not a cross-origin browser call (curl, a server)
    const trusted = await trustedOriginsOf(deps, address(request.params as Params));
    if (!trusted.has(origin)) {
      throw new IdentityError(
        'ORIGIN_NOT_TRUSTED',
        `origin '${origin}' is not trusted by this job's authenticator config`,
      );
    }
    reply.header('access-control-allow-origin', origin).header('vary', 'origin');
  };

  app.get(
    link,
    {
      config: perAddress,
      schema: {
        tags,
        summary:
          'Open a binding link: marks LINK_OPENED and redirects to the authenticator (`{invoke_url}/bind#…`)',
        params: JobParams,
        querystring: TokenQuery,
        response: bindingErrors,
      },
    },
    async (request, reply) => {
      const location = await openBindingLink(deps, {
        ...address(request.params),
        token: request.query.token,
      });
      return reply
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .redirect(location, 302);
    },
  );

  for (const path of [link, complete]) {
    app.options(
      path,
      { config: perAddress, schema: { hide: true, params: JobParams } },
      async (request, reply) => {
        if (request.headers.origin === undefined) return reply.status(204).send();
        await allowOrigin(request, reply);
        return reply
          .header('access-control-allow-methods', 'POST')
          .header('access-control-allow-headers', 'content-type')
          .header('access-control-max-age', '600')
          .status(204)
          .send();
      },
    );
  }

  app.post(
    link,
    {
      config: perAddress,
      schema: {
        tags,
        summary:
          'Redeem a binding link (once): the WebAuthn creation options and a completion token',
        params: JobParams,
        querystring: TokenQuery,
        body: Type.Union([Strict({}), Type.Null()]),
        response: { 200: RedeemedLink, ...bindingErrors },
      },
    },
    async (request, reply) => {
      await allowOrigin(request, reply);
      const redeemed = await redeemBindingLink(deps, {
        ...address(request.params),
        token: request.query.token,
      });
      return reply.header('cache-control', 'no-store').send({
        credential_binding_job: toBindingJobView(redeemed.job, deps.now()),
        creation_options: redeemed.creationOptions,
        completion_token: redeemed.completionToken,
      });
    },
  );

  app.post(
    complete,
    {
      config: perAddress,
      bodyLimit: 64 * 1024,
      schema: {
        tags,
        summary: 'Complete a redeemed binding with the browser response: the job becomes COMPLETE',
        params: JobParams,
        body: CompleteBody,
        response: { 200: CompletedBinding, ...bindingErrors },
      },
    },
    async (request, reply) => {
      await allowOrigin(request, reply);
      const { job, passkey, user } = await completeBinding(deps, {
        ...address(request.params),
        completionToken: request.body.completion_token,
        response: request.body.client_response as RegistrationResponseJSON,
      });
      return {
        credential_binding_job: toBindingJobView(job, deps.now()),
        passkey: {
          id: passkey.id,
          credential_id: passkey.credentialId,
          aaguid: passkey.aaguid,
          transports: passkey.transports,
          create_time: passkey.createdAt,
        },
        identity: toIdentityView(user),
      };
    },
  );
};
