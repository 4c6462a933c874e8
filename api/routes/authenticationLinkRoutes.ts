import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AuthenticationLinkDeps } from '../../identity/authentication/AuthenticationLinkDeps';
import { completeAuthenticationLink } from '../../identity/authentication/completeAuthenticationLink';
import { findLinkedSession } from '../../identity/authentication/findLinkedSession';
import { anyLinkOrigin, linkOriginsOf } from '../../identity/authentication/linkOriginsOf';
import { redeemAuthenticationLink } from '../../identity/authentication/redeemAuthenticationLink';
import { IdentityError } from '../../identity/IdentityError';
import type { Storage } from '../../storage/openStorage';
import { errorResponses, Strict } from '../schemas/common';
import { AuthenticationResponse, RequestOptions } from '../schemas/webauthn';

const tags = ['Passkey sign-in: authentication links (end user)'];
const redeemPath = '/api/authentication-links/redeem';
const completePath = '/api/authentication-links/complete';
/** The link's secret: 256 bits of base64url (43 characters), with room for nothing else. */
const LinkToken = Type.String({ minLength: 16, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' });
const Redeemed = Type.Object({ clientRequest: RequestOptions, expiresAt: Type.String() });
const Completed = Type.Object({
  passkeyId: Type.String(),
  credentialId: Type.String(),
  userId: Type.String(),
  authenticatedAt: Type.String(),
});

/**
 * What the end user's browser calls with an authentication link (the embedded SDK's
 * `authenticate(url)`), authorised by the link's secret, never by an API token; rate limited per
 * address. The SDK runs on the integrator's origin, so the routes answer CORS for the session's
 * origins only (linkOriginsOf); anything else is 403 ORIGIN_NOT_TRUSTED before any change.
 */
export const authenticationLinkRoutes: FastifyPluginAsyncTypebox<{ storage: Storage }> = async (
  app,
  { storage },
) => {
  const deps: AuthenticationLinkDeps = {
    ...app.deps,
    binding: storage.binding,
    publicUrl: app.config.publicUrl,
  };
  const perAddress = {
    rateLimit: {
      max: app.config.publicRateLimit,
      timeWindow: 60_000,
      keyGenerator: (r: FastifyRequest) => r.ip,
    },
  };
  /** Deny by default: a browser origin outside `trusted` gets 403 and no CORS headers. */
  const allowOrigin = (request: FastifyRequest, reply: FastifyReply, trusted: Set<string>) => {
    const origin = request.headers.origin;
    if (origin === undefined) return; // not a cross-origin browser call (curl, a server)
    if (!trusted.has(origin)) {
      throw new IdentityError(
        'ORIGIN_NOT_TRUSTED',
        `origin '${origin}' is not trusted by this sign-in's relying party`,
      );
    }
    reply.header('access-control-allow-origin', origin).header('vary', 'origin');
  };
  /** The link's session, after its caller's origin passed; an unknown secret names none. */
  const linkedSession = async (request: FastifyRequest, reply: FastifyReply, token: string) => {
    const session = await findLinkedSession(deps, token);
    allowOrigin(request, reply, session ? linkOriginsOf(deps, session) : anyLinkOrigin(deps));
    reply.header('cache-control', 'no-store');
    return session;
  };

  for (const path of [redeemPath, completePath]) {
    app.options(path, { config: perAddress, schema: { hide: true } }, async (request, reply) => {
      if (request.headers.origin === undefined) return reply.status(204).send();
      allowOrigin(request, reply, anyLinkOrigin(deps));
      return reply
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '600')
        .status(204)
        .send();
    });
  }

  app.post(
    redeemPath,
    {
      config: perAddress,
      schema: {
        tags,
        summary:
          'Redeem an authentication link: the request options of its sign-in (repeatable while it is pending)',
        body: Strict({ token: LinkToken }),
        response: { 200: Redeemed, ...errorResponses },
      },
    },
    async (request, reply) =>
      redeemAuthenticationLink(deps, await linkedSession(request, reply, request.body.token)),
  );

  app.post(
    completePath,
    {
      config: perAddress,
      bodyLimit: 64 * 1024,
      schema: {
        tags,
        summary:
          'Complete an authentication link’s sign-in with the browser assertion (the session API’s rules and codes)',
        body: Strict({ token: LinkToken, clientResponse: AuthenticationResponse }),
        response: { 200: Completed, ...errorResponses },
      },
    },
    async (request, reply) =>
      completeAuthenticationLink(deps, {
        session: await linkedSession(request, reply, request.body.token),
        response: request.body.clientResponse as AuthenticationResponseJSON,
      }),
  );
};
