import cookie from '@fastify/cookie';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { checkStepData } from '../../runtime/engine/checkStepData';
import { openInstance } from '../../runtime/engine/openInstance';
import { redeemEntry } from '../../runtime/engine/redeemEntry';
import { renderStep } from '../../runtime/engine/renderStep';
import type { StepAction } from '../../runtime/engine/StepView';
import { startProcessInstance } from '../../runtime/engine/startProcessInstance';
import { submitStep } from '../../runtime/engine/submitStep';
import { RuntimeError } from '../../runtime/RuntimeError';
import { errorResponses } from '../schemas/common';
import {
  CheckStepBody,
  CheckStepResult,
  LangQuery,
  StepActionBody,
  StepViewSchema,
} from '../schemas/runtime';

const tags = ['End-user flow'];
const cookieName = 'kf_flow';
const InstanceId = Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const StepId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

/**
 * The end user's routes, authorised by the instance capability (an HttpOnly, SameSite=Strict
 * cookie scoped to the instance's own API path), never by an API token; rate limited per address.
 * The cookie plugin is registered here, in this plugin's scope, so no other route pays for its
 * hooks.
 */
export const flowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(cookie);
  const perAddress = {
    rateLimit: {
      max: app.config.publicRateLimit,
      timeWindow: 60_000,
      keyGenerator: (r: FastifyRequest) => r.ip,
    },
  };
  const secure = app.config.publicUrl.startsWith('https:');
  const setCapability = (reply: FastifyReply, instanceId: string, capability: string) =>
    reply.setCookie(cookieName, capability, {
      path: `/api/flow/${instanceId}`,
      httpOnly: true,
      sameSite: 'strict',
      secure,
      maxAge: 48 * 3600,
    });
  const lang = (request: FastifyRequest) => ({
    lang: (request.query as { lang?: string }).lang,
    acceptLanguage: request.headers['accept-language'],
  });

  app.post(
    '/api/flow/start/:processTokenId',
    {
      config: perAddress,
      schema: {
        tags,
        summary: 'Open a start link: creates an instance and sets its capability cookie',
        params: Type.Object({
          processTokenId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
        }),
        querystring: LangQuery,
        body: Type.Union([Type.Object({}, { additionalProperties: false }), Type.Null()]),
        response: {
          201: Type.Object({ instanceId: Type.String(), step: StepViewSchema }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { instance, definition, secret } = await startProcessInstance(app.deps, {
        processTokenId: request.params.processTokenId,
        via: 'browser',
      });
      setCapability(reply, instance.id, secret);
      return reply.status(201).send({
        instanceId: instance.id,
        step: renderStep(app.deps, { instance, definition, lang: lang(request) }),
      });
    },
  );

  app.get(
    '/flow/:instanceId/enter',
    {
      config: perAddress,
      schema: {
        hide: true,
        params: Type.Object({ instanceId: InstanceId }),
        querystring: Type.Object(
          { c: Type.String({ minLength: 16, maxLength: 128 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { capability } = await redeemEntry(app.deps, {
        instanceId: request.params.instanceId,
        entry: request.query.c,
      });
      setCapability(reply, request.params.instanceId, capability);
      // The entry secret is spent; the redirect drops it from the address bar and from Referer.
      return reply
        .header('referrer-policy', 'no-referrer')
        .redirect(`/flow/${request.params.instanceId}`, 303);
    },
  );

  app.get(
    '/api/flow/:instanceId/step',
    {
      config: perAddress,
      schema: {
        tags,
        summary: 'The current step',
        params: Type.Object({ instanceId: InstanceId }),
        querystring: LangQuery,
        response: { 200: StepViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { instance, definition } = await openInstance(app.deps, {
        instanceId: request.params.instanceId,
        capability: request.cookies[cookieName],
      });
      return renderStep(app.deps, { instance, definition, lang: lang(request) });
    },
  );

  app.post(
    '/api/flow/:instanceId/steps/:stepId',
    {
      config: perAddress,
      bodyLimit: 64 * 1024,
      schema: {
        tags,
        summary:
          'Answer the current step; returns the next step (400 with field errors keeps the step)',
        params: Type.Object({
          instanceId: InstanceId,
          stepId: StepId,
        }),
        querystring: LangQuery,
        body: StepActionBody,
        response: { 200: StepViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { instanceId, stepId } = request.params;
      const { instance, definition, answer } = await submitStep(app.deps, {
        instanceId,
        capability: request.cookies[cookieName],
        stepId,
        action: request.body as StepAction,
      });
      const step = renderStep(app.deps, { instance, definition, lang: lang(request) });
      if (answer === 'refused') {
        throw new RuntimeError('FORM_DATA_INVALID', 'some fields need attention', {
          details: { fields: 'errors' in step ? step.errors : [], step },
        });
      }
      return step;
    },
  );

  app.post(
    '/api/flow/:instanceId/steps/:stepId/validate',
    {
      config: perAddress,
      bodyLimit: 64 * 1024,
      schema: {
        tags,
        summary:
          'Dry run of a form step: the field errors submitting `data` would get; nothing is stored',
        params: Type.Object({ instanceId: InstanceId, stepId: StepId }),
        querystring: LangQuery,
        body: CheckStepBody,
        response: { 200: CheckStepResult, ...errorResponses },
      },
    },
    async (request) => ({
      errors: await checkStepData(app.deps, {
        instanceId: request.params.instanceId,
        capability: request.cookies[cookieName],
        stepId: request.params.stepId,
        data: request.body.data,
        lang: lang(request),
      }),
    }),
  );
};
