import cookie from '@fastify/cookie';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { createConsoleSession } from '../../identity/console/createConsoleSession';
import { resolveConsoleSession } from '../../identity/console/resolveConsoleSession';
import { hashSecret } from '../../identity/hashSecret';
import { IdentityError } from '../../identity/IdentityError';
import { consoleCookieName } from '../readCookie';
import { errorResponses } from '../schemas/common';
import { ConsoleSession, ConsoleSignIn } from '../schemas/console';

const tags = ['Console'];

/**
 * The integrator console's sign-in: an API token is exchanged once for a session cookie
 * (HttpOnly, SameSite=Strict, Path=/, Secure on https), which then authenticates API requests
 * as that token (api/authorize.ts). Sign-out ends the session server-side. No CORS: these
 * routes, like every cookie-authenticated one, answer only the console's own origin.
 */
export const consoleSessionRoutes: FastifyPluginAsyncTypebox<{
  rootSecretHash: string | undefined;
}> = async (app, { rootSecretHash }) => {
  await app.register(cookie);
  const secure = app.config.publicUrl.startsWith('https:');
  const perAddress = {
    rateLimit: {
      max: app.config.publicRateLimit,
      timeWindow: 60_000,
      keyGenerator: (r: FastifyRequest) => r.ip,
    },
  };
  /** Browsers always send Origin on these methods: a foreign one is a cross-site attempt. */
  const checkOrigin = (request: FastifyRequest, required: boolean) => {
    const origin = request.headers.origin;
    if (origin === app.config.publicUrl || (origin === undefined && !required)) return;
    throw new IdentityError(
      'ORIGIN_NOT_TRUSTED',
      `console sign-in and sign-out must come from ${app.config.publicUrl}; Origin was ${origin?.slice(0, 100) ?? 'absent'}`,
    );
  };
  const secretOf = (request: FastifyRequest) => {
    const secret = request.cookies[consoleCookieName];
    if (!secret) throw new IdentityError('TOKEN_INVALID', 'not signed in to the console');
    return secret;
  };
  const clear = (reply: FastifyReply) =>
    reply.clearCookie(consoleCookieName, { path: '/', httpOnly: true, sameSite: 'strict', secure });

  app.post(
    '/api/console/sessions',
    {
      config: perAddress,
      schema: {
        tags,
        summary:
          'Sign in to the console with an API token: sets the `kf_console` session cookie (HttpOnly, SameSite=Strict). A root token chooses the tenant (`default` unless told). The session lasts KEYFORM_CONSOLE_SESSION_HOURS (8) or until its token expires or is revoked',
        security: [],
        body: ConsoleSignIn,
        response: { 201: ConsoleSession, ...errorResponses },
      },
    },
    async (request, reply) => {
      // Without Origin (curl, automation) a sign-in is allowed: only a browser carries cookies.
      checkOrigin(request, false);
      const { secret, maxAgeSeconds, session } = await createConsoleSession(app.deps, {
        token: request.body.token,
        tenantId: request.body.tenantId,
        hours: app.config.consoleSessionHours,
        rootSecretHash,
      });
      reply.setCookie(consoleCookieName, secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure,
        maxAge: maxAgeSeconds,
      });
      return reply.status(201).send(session);
    },
  );

  app.get(
    '/api/console/session',
    {
      config: perAddress,
      schema: {
        tags,
        summary:
          'Who the console session (the `kf_console` cookie) is: its token, tenant and permissions',
        security: [],
        response: { 200: ConsoleSession, ...errorResponses },
      },
    },
    async (request, reply) => {
      try {
        const { view } = await resolveConsoleSession(app.deps, {
          secret: secretOf(request),
          rootSecretHash,
        });
        return view;
      } catch (error) {
        // An ended session's cookie is useless: the browser may as well forget it.
        if (error instanceof IdentityError && error.code === 'TOKEN_INVALID') clear(reply);
        throw error;
      }
    },
  );

  app.delete(
    '/api/console/session',
    {
      config: perAddress,
      schema: {
        tags,
        summary: 'Sign out: ends the console session server-side and clears its cookie',
        security: [],
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      checkOrigin(request, true);
      const ended = await app.deps.records.consoleSessions.delete(hashSecret(secretOf(request)));
      clear(reply);
      if (!ended) throw new IdentityError('TOKEN_INVALID', 'the console session had already ended');
      return reply.status(204).send(null);
    },
  );
};
