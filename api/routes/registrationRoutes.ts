import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { Type } from 'typebox';
import { cancelPasskeyRegistration } from '../../identity/cancelPasskeyRegistration';
import { completePasskeyRegistration } from '../../identity/completePasskeyRegistration';
import { getRegistrationSession } from '../../identity/getRegistrationSession';
import type { RegistrationSubject } from '../../identity/RegistrationSubject';
import { startPasskeyRegistration } from '../../identity/startPasskeyRegistration';
import { Base64Url, errorResponses, Id, Name, Strict } from '../schemas/common';
import { PasskeyView, RegistrationResponse, SessionView } from '../schemas/webauthn';

const tags = ['Passkey registration'];
const byId = 'createPasskeyRegistrationForUser';
const byExtId = 'createPasskeyRegistrationForUserByExtId';
/** Read, complete and cancel need the same permission as either way of starting. */
const either = { access: { area: 'IdentityStore', actions: [byId, byExtId] } };

const StartBody = Type.Union([
  Strict({
    userName: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    userDisplayName: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    userHandle: Type.Optional(Base64Url),
    createUser: Type.Optional(Type.Boolean()),
  }),
  Type.Null(),
]);
const RpId = Type.String({ minLength: 1, maxLength: 253 });
const StartedView = Type.Object({
  sessionId: Type.String(),
  status: Type.String(),
  clientRequest: SessionView.properties.clientRequest,
  expiresAt: Type.String(),
});
const CompletedView = Type.Object({
  sessionId: Type.String(),
  status: Type.Literal('COMPLETED'),
  passkey: PasskeyView,
});
const SessionParams = Type.Object({
  storeName: Name,
  sessionId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
});
const sessions = '/api/identity-store/stores/:storeName/passkeys/registrations/sessions/:sessionId';
const start =
  '/api/identity-store/stores/:storeName/users/:userId/passkeys/relyingParties/:rpId/registrations/:regPolicyName';

export const registrationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** The two starts differ only in the permission and in whom the path's `userId` names. */
  const startRoute = (
    path: string,
    action: typeof byId | typeof byExtId,
    summary: string,
    subjectOf: (userId: string) => RegistrationSubject,
  ) =>
    app.post(
      path,
      {
        config: { access: { area: 'IdentityStore', actions: [action] }, acknowledge: 'commit' },
        schema: {
          tags,
          summary,
          params: Type.Object({ storeName: Name, userId: Id, rpId: RpId, regPolicyName: Name }),
          body: StartBody,
          response: { 201: StartedView, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { storeName, userId, rpId, regPolicyName } = request.params;
        const view = await startPasskeyRegistration(app.deps, {
          tenantId: request.tenantId,
          storeName,
          rpId,
          policyName: regPolicyName,
          subject: subjectOf(userId),
          input: request.body ?? {},
        });
        return reply.status(201).send(view);
      },
    );

  startRoute(start, byId, 'Start a passkey registration for a user by id', (userId) => ({
    userId,
  }));
  startRoute(
    `${start}/ext`,
    byExtId,
    'Start a passkey registration for a user by externalId; `createUser` creates the user on completion',
    (externalId) => ({ externalId }),
  );

  app.get(
    sessions,
    {
      config: either,
      schema: {
        tags,
        summary: 'Read a registration session',
        params: SessionParams,
        response: { 200: SessionView, ...errorResponses },
      },
    },
    async (request) =>
      getRegistrationSession(app.deps, { tenantId: request.tenantId, ...request.params }),
  );

  app.post(
    sessions,
    {
      config: either,
      bodyLimit: 64 * 1024,
      schema: {
        tags,
        summary:
          'Complete a registration with the browser response (idempotent for an identical resend)',
        params: SessionParams,
        body: Strict({ clientResponse: RegistrationResponse }),
        response: { 200: CompletedView, ...errorResponses },
      },
    },
    async (request) =>
      completePasskeyRegistration(app.deps, {
        tenantId: request.tenantId,
        ...request.params,
        response: request.body.clientResponse as RegistrationResponseJSON,
      }),
  );

  app.post(
    `${sessions}/cancel`,
    {
      config: either,
      schema: {
        tags,
        summary: 'Cancel a pending registration',
        params: SessionParams,
        body: Type.Union([
          Strict({ reason: Type.Optional(Type.String({ maxLength: 200 })) }),
          Type.Null(),
        ]),
        response: { 200: SessionView, ...errorResponses },
      },
    },
    async (request) =>
      cancelPasskeyRegistration(app.deps, {
        tenantId: request.tenantId,
        ...request.params,
        reason: request.body?.reason,
      }),
  );
};
