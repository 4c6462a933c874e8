import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { SessionPermit } from '../../identity/authentication/findAuthenticationSession';
import { issueAuthenticationLink } from '../../identity/authentication/issueAuthenticationLink';
import { cancelPasskeyAuthentication } from '../../identity/cancelPasskeyAuthentication';
import { completePasskeyAuthentication } from '../../identity/completePasskeyAuthentication';
import { getAuthenticationSession } from '../../identity/getAuthenticationSession';
import { hasPermission } from '../../identity/hasPermission';
import type { RegistrationSubject } from '../../identity/RegistrationSubject';
import { startPasskeyAuthentication } from '../../identity/startPasskeyAuthentication';
import {
  type AuthenticationStart,
  authenticationStarts,
} from '../../storage/AuthenticationSessionRecord';
import { errorResponses, Id, Name, Strict } from '../schemas/common';
import { AuthenticationResponse, RequestOptions } from '../schemas/webauthn';

const tags = ['Passkey sign-in'];
const [byId, byExtId, usernameless] = authenticationStarts;
/**
 * Read, complete and cancel take any of the three permissions at the door; the handler then
 * asks for the one that started the session (findAuthenticationSession).
 */
const anyStart = { access: { area: 'IdentityStore', actions: [...authenticationStarts] } };
const permitOf =
  (request: FastifyRequest): SessionPermit =>
  (action: AuthenticationStart) =>
    hasPermission({
      principal: request.principal,
      tenantId: request.tenantId,
      area: 'IdentityStore',
      action,
    });

const StartBody = Type.Union([
  Strict({
    link: Type.Optional(
      Type.Boolean({
        description:
          'true: the answer also carries `authenticationUrl`, for the embedded SDK’s authenticate(url)',
      }),
    ),
  }),
  Type.Null(),
]);
const RpId = Type.String({ minLength: 1, maxLength: 253 });
const StartedView = Type.Object({
  sessionId: Type.String(),
  status: Type.String(),
  clientRequest: RequestOptions,
  expiresAt: Type.String(),
  authenticationUrl: Type.Optional(
    Type.String({
      description: '`{publicUrl}/authenticate#token=…` (only with `{link: true}`; shown once)',
    }),
  ),
});
const AuthenticationSessionView = Type.Object({
  ...StartedView.properties,
  status: Type.String({ description: 'PENDING, COMPLETED, FAILED, CANCELLED or EXPIRED' }),
  userId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  passkeyId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  attempts: Type.Integer(),
  failureCode: Type.Optional(Type.String()),
});
const CompletedView = Type.Object({
  sessionId: Type.String(),
  status: Type.Literal('COMPLETED'),
  userId: Type.String(),
  passkeyId: Type.String(),
  userVerified: Type.Boolean(),
  backedUp: Type.Boolean(),
  authenticatedAt: Type.String(),
});
const SessionParams = Type.Object({
  storeName: Name,
  sessionId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
});
const stores = '/api/identity-store/stores/:storeName';
const tail = 'passkeys/relyingParties/:rpId/authentications/:authPolicyName';
const sessions = `${stores}/passkeys/authentications/sessions/:sessionId`;

/** Passkey sign-in by sessionId (DESIGN §4b), beside registration's routes and in their shape. */
export const authenticationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const startRoute = (
    path: string,
    action: AuthenticationStart,
    summary: string,
    subjectOf: (params: { userId?: string }) => RegistrationSubject | undefined,
  ) =>
    app.post(
      path,
      {
        config: { access: { area: 'IdentityStore', actions: [action] }, acknowledge: 'commit' },
        schema: {
          tags,
          summary,
          params: Type.Object({
            storeName: Name,
            ...(action === usernameless ? {} : { userId: Id }),
            rpId: RpId,
            authPolicyName: Name,
          }),
          body: StartBody,
          response: { 201: StartedView, ...errorResponses },
        },
      },
      async (request, reply) => {
        const params = request.params as {
          storeName: string;
          userId?: string;
          rpId: string;
          authPolicyName: string;
        };
        const view = await startPasskeyAuthentication(app.deps, {
          tenantId: request.tenantId,
          storeName: params.storeName,
          rpId: params.rpId,
          policyName: params.authPolicyName,
          subject: subjectOf(params),
        });
        if (!request.body?.link) return reply.status(201).send(view);
        const authenticationUrl = await issueAuthenticationLink(
          { ...app.deps, publicUrl: app.config.publicUrl },
          { tenantId: request.tenantId, sessionId: view.sessionId },
        );
        return reply.status(201).send({ ...view, authenticationUrl });
      },
    );

  startRoute(
    `${stores}/users/:userId/${tail}`,
    byId,
    'Start a passkey sign-in for a user by id',
    ({ userId }) => ({ userId: userId! }),
  );
  startRoute(
    `${stores}/users/:userId/${tail}/ext`,
    byExtId,
    'Start a passkey sign-in for a user by externalId',
    ({ userId }) => ({ externalId: userId! }),
  );
  startRoute(
    `${stores}/${tail}`,
    usernameless,
    'Start a usernameless passkey sign-in (a discoverable credential names its user)',
    () => undefined,
  );

  app.get(
    sessions,
    {
      config: anyStart,
      schema: {
        tags,
        summary: 'Read a sign-in session',
        params: SessionParams,
        response: { 200: AuthenticationSessionView, ...errorResponses },
      },
    },
    async (request) =>
      getAuthenticationSession(app.deps, {
        tenantId: request.tenantId,
        ...request.params,
        permitted: permitOf(request),
      }),
  );

  app.post(
    sessions,
    {
      config: anyStart,
      bodyLimit: 64 * 1024,
      schema: {
        tags,
        summary:
          'Complete a sign-in with the browser assertion (idempotent for an identical resend)',
        params: SessionParams,
        body: Strict({ clientResponse: AuthenticationResponse }),
        response: { 200: CompletedView, ...errorResponses },
      },
    },
    async (request) =>
      completePasskeyAuthentication(app.deps, {
        tenantId: request.tenantId,
        ...request.params,
        permitted: permitOf(request),
        response: request.body.clientResponse,
      }),
  );

  app.post(
    `${sessions}/cancel`,
    {
      config: anyStart,
      schema: {
        tags,
        summary: 'Cancel a pending sign-in',
        params: SessionParams,
        body: Type.Union([
          Strict({ reason: Type.Optional(Type.String({ maxLength: 200 })) }),
          Type.Null(),
        ]),
        response: { 200: AuthenticationSessionView, ...errorResponses },
      },
    },
    async (request) =>
      cancelPasskeyAuthentication(app.deps, {
        tenantId: request.tenantId,
        ...request.params,
        permitted: permitOf(request),
        failureCode: request.body?.reason
          ? `CANCELLED:${request.body.reason.slice(0, 64)}`
          : 'CANCELLED',
      }),
  );
};
