import { randomBytes } from 'node:crypto';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { createBareRegistration } from './createBareRegistration';

type Registration = ReturnType<typeof createBareRegistration>;

interface BareInstance {
  capability: string;
  challenge: string | null;
}

type StepParams = { instanceId: string; stepId: string };
type StepBody = {
  action: 'submit';
  data?: { userName?: unknown; displayName?: unknown };
  browserResponse?: RegistrationResponseJSON;
};

const capabilityCookie = /(?:^|;\s*)kf_flow=([^;]+)/;
const nameErrors = (data: StepBody['data']) =>
  (['userName', 'displayName'] as const)
    .filter((field) => typeof data?.[field] !== 'string' || data[field] === '')
    .map((field) => ({ path: `/${field}`, message: 'is required' }));

/**
 * The end-user flow's routes on the bare ceiling, at Keyform's paths and with its round trips:
 * start from a process token (a single-use one is claimed) and set a capability cookie, the form
 * answer's dry run, the form answer (registration options), the browser's response (verification),
 * each checking the cookie. Maps instead of storage, small step views instead of Keyform's (no
 * form specification, texts or engine), one fixed step id.
 */
export function registerBareFlowRoutes(app: FastifyInstance, registration: Registration) {
  /** Token id → single use (true) or not; a claimed single-use token is deleted. */
  const tokens = new Map<string, boolean>();
  const instances = new Map<string, BareInstance>();
  const step = (instanceId: string, rest: Record<string, unknown>) => ({
    stepId: 'regForm',
    instanceId,
    locale: 'en',
    ...rest,
  });
  const openInstance = (request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) => {
    const instance = instances.get(request.params.instanceId);
    const capability = capabilityCookie.exec(request.headers.cookie ?? '')?.[1];
    if (!instance || capability !== instance.capability) {
      void reply.status(404).send({ error: { code: 'INSTANCE_NOT_FOUND' } });
      return null;
    }
    return instance;
  };

  app.post<{ Params: { processTokenId: string } }>(
    '/api/flow/start/:processTokenId',
    async (request, reply) => {
      const { processTokenId } = request.params;
      const singleUse = tokens.get(processTokenId);
      if (singleUse === undefined) {
        return reply.status(404).send({ error: { code: 'PROCESS_TOKEN_NOT_FOUND' } });
      }
      if (singleUse) tokens.delete(processTokenId);
      const instanceId = randomBytes(16).toString('base64url');
      const capability = randomBytes(32).toString('base64url');
      instances.set(instanceId, { capability, challenge: null });
      reply.header(
        'set-cookie',
        `kf_flow=${capability}; Max-Age=172800; Path=/api/flow/${instanceId}; HttpOnly; SameSite=Strict`,
      );
      const view = step(instanceId, { component: 'passkeyForm', data: {}, ceremony: null });
      return reply.status(201).send({ instanceId, step: view });
    },
  );

  app.post<{ Params: StepParams; Body: { data: StepBody['data'] } }>(
    '/api/flow/:instanceId/steps/:stepId/validate',
    async (request, reply) => {
      if (!openInstance(request, reply)) return reply;
      return { errors: nameErrors(request.body.data) };
    },
  );

  app.post<{ Params: StepParams; Body: StepBody }>(
    '/api/flow/:instanceId/steps/:stepId',
    async (request, reply) => {
      const instance = openInstance(request, reply);
      if (!instance) return reply;
      const { instanceId } = request.params;
      const { data, browserResponse } = request.body;
      if (browserResponse === undefined) {
        const errors = nameErrors(data);
        if (errors.length > 0)
          return reply.status(400).send({ error: { code: 'FORM_DATA_INVALID' } });
        const creationOptions = await registration.options(
          String(data?.userName),
          String(data?.displayName),
        );
        instance.challenge = creationOptions.challenge;
        return step(instanceId, { component: 'passkeyForm', data, ceremony: { creationOptions } });
      }
      const { challenge } = instance;
      instance.challenge = null;
      const verified = challenge ? await registration.verify(browserResponse, challenge) : null;
      instances.delete(instanceId);
      return step(instanceId, {
        component: 'end',
        outcome: verified ? 'success' : 'failure',
        message: verified ? 'Your passkey was registered successfully.' : 'Registration failed.',
      });
    },
  );

  /** Bench setup only, never timed: the process tokens the flow starts from. */
  app.post<{ Body: Array<{ id: string; singleUse: boolean }> }>(
    '/bench/processTokens',
    async (request) => {
      for (const { id, singleUse } of request.body) tokens.set(id, singleUse);
      return { processTokens: tokens.size };
    },
  );
}
