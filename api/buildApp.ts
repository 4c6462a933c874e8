import { randomBytes } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { createTokenUseRecorder } from '../identity/createTokenUseRecorder';
import { hashSecret } from '../identity/hashSecret';
import { IdentityError } from '../identity/IdentityError';
import type { RuntimeDeps } from '../runtime/RuntimeDeps';
import type { Storage } from '../storage/openStorage';
import { ApiError } from './ApiError';
import { answerClientError } from './answerClientError';
import { authorize } from './authorize';
import { createBadTokenLimiter } from './createBadTokenLimiter';
import { createTurnAdmission } from './createTurnAdmission';
import { handleError } from './handleError';
import type { KeyformConfig } from './loadConfig';
import { normaliseRequestText } from './normaliseRequestText';
import { authenticationLinkRoutes } from './routes/authenticationLinkRoutes';
import { authenticationRoutes } from './routes/authenticationRoutes';
import { beyondIdentityRoutes } from './routes/beyondIdentityRoutes';
import { consolePageRoutes } from './routes/consolePageRoutes';
import { consoleSessionRoutes } from './routes/consoleSessionRoutes';
import { flowRoutes } from './routes/flowRoutes';
import { formRoutes } from './routes/formRoutes';
import { identityStoreRoutes } from './routes/identityStoreRoutes';
import { pageFileRoutes } from './routes/pageFileRoutes';
import { pageRoutes } from './routes/pageRoutes';
import { processRoutes } from './routes/processRoutes';
import { registrationRoutes } from './routes/registrationRoutes';
import { relyingPartyRoutes } from './routes/relyingPartyRoutes';
import { rendererRoutes } from './routes/rendererRoutes';
import { tenantRoutes } from './routes/tenantRoutes';
import { userRoutes } from './routes/userRoutes';
import { waitForDurableWrites } from './waitForDurableWrites';

declare module 'fastify' {
  interface FastifyInstance {
    deps: RuntimeDeps;
    config: KeyformConfig;
  }
}

/**
 * Build the Keyform app over opened storage; `server.ts` only listens and closes. Tests pass
 * `now` and `randomBytes` to control time and ids.
 */
export async function buildApp({
  storage,
  config,
  now = Date.now,
  random = randomBytes,
  logger = false,
}: {
  storage: Storage;
  config: KeyformConfig;
  now?: () => number;
  random?: (bytes: number) => Buffer;
  logger?: FastifyServerOptions['logger'];
}) {
  const app = Fastify({
    logger,
    bodyLimit: 64 * 1024,
    // Strict bodies (DESIGN §4): no coercion, no silent removal of unknown fields.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true } },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    // Refused while closing by our first hook instead, so the 503 has the one error shape.
    return503OnClosing: false,
    routerOptions: { maxParamLength: 512 },
    // Errors fastify raises before routing (bad URL encoding, over-long parameter) and those of
    // node's HTTP parser leave in the one error shape too (DESIGN §3).
    frameworkErrors: handleError,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // All JSON (DESIGN §3): text/plain would otherwise parse to a string and reach the schema
  // as a 400, and it is the one body type a cross-site form may send without a preflight.
  app.removeContentTypeParser('text/plain');
  // An empty JSON body means "no body" (cancel's is optional); anything else goes through
  // fastify's own parser, which refuses `__proto__` and `constructor.prototype`.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    body === '' ? done(null, undefined) : parseJson(request, body as string, done),
  );

  const deps: RuntimeDeps = {
    definitions: storage.identity,
    records: storage.records,
    forms: storage.forms,
    processes: storage.processes,
    pages: storage.pages,
    blobs: storage.blobs,
    pagesOrigin: config.pagesOrigin,
    publicUrl: config.publicUrl,
    passkeyProviders: config.passkeyProviders,
    now,
    randomBytes: random,
  };
  app.decorate('deps', deps);
  app.decorate('config', config);
  app.decorateRequest('principal', null as never);
  app.decorateRequest('tenantId', '');
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    handleError(
      new ApiError('ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`),
      request,
      reply,
    ),
  );
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  // First of all hooks: a request that arrives while the server drains does no work.
  app.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done();
    reply.header('connection', 'close');
    done(new ApiError('SERVER_CLOSING', 'the server is shutting down; retry shortly'));
  });

  const rootSecretHash = config.adminToken ? hashSecret(config.adminToken) : undefined;
  if (config.loopBudgetMs > 0) {
    const admission = createTurnAdmission({ budgetMs: config.loopBudgetMs });
    // A health check answers even while requests wait for their turn.
    app.addHook('onRequest', (request, _reply, done) =>
      request.url === '/health' ? done() : admission.admit(done),
    );
  }
  waitForDurableWrites(app, storage.records.durability);
  const badTokens = createBadTokenLimiter({ max: config.badTokenRateLimit, now });
  const tokenUses = createTokenUseRecorder({
    definitions: deps.definitions,
    now,
    onError: (error) => app.log.error({ err: error }, 'cannot record token use'),
  });
  app.addHook('onClose', () => tokenUses.settled());
  // A callback hook, not an async one: a bearer token is checked without waiting, so no promise
  // per request; only a console session's cookie waits for its record.
  app.addHook('onRequest', (request, _reply, done) => {
    const guarded = request.routeOptions.config.access !== undefined;
    // Before the lookup: past its budget, a right guess from this address looks like a wrong one.
    if (guarded && badTokens.refuses(request.ip)) return done(tooManyBadTokens());
    const refuse = (error: unknown) => {
      if (error instanceof IdentityError && error.code === 'TOKEN_INVALID')
        badTokens.strike(request.ip);
      done(error as Error);
    };
    const admit = () => {
      if (guarded) tokenUses.note(request.principal.tokenId);
      done();
    };
    let pending: Promise<void> | undefined;
    try {
      pending = authorize(request, deps, rootSecretHash);
    } catch (error) {
      return refuse(error);
    }
    if (pending) return void pending.then(admit, refuse);
    admit();
  });
  // One spelling per name: text is well-formed and NFC before any schema or index sees it.
  app.addHook('preValidation', normaliseRequestText);

  await app.register(rateLimit, {
    max: config.apiRateLimit,
    timeWindow: 60_000,
    allowList: (request) =>
      request.url === '/health' ||
      request.url.startsWith('/docs') ||
      request.url.startsWith('/assets/') ||
      request.url.startsWith('/console/assets/'),
    // Per token on API routes: the token's id once authorize() ran (it runs first), else the
    // hash of the bearer secret, never the secret itself.
    keyGenerator: (request) => {
      if (request.principal) return request.principal.tokenId;
      const auth = request.headers.authorization;
      return auth ? hashSecret(auth).slice(0, 32) : request.ip;
    },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Keyform',
        version: '0.1.0',
        description: 'Self-hosted passkey onboarding runtime',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  await app.register(tenantRoutes);
  await app.register(identityStoreRoutes);
  await app.register(userRoutes);
  await app.register(relyingPartyRoutes);
  await app.register(registrationRoutes);
  await app.register(authenticationRoutes);
  await app.register(authenticationLinkRoutes, { storage });
  await app.register(formRoutes);
  await app.register(pageRoutes);
  await app.register(pageFileRoutes);
  await app.register(processRoutes);
  await app.register(flowRoutes);
  await app.register(beyondIdentityRoutes, { storage });
  await app.register(rendererRoutes);
  await app.register(consoleSessionRoutes, { rootSecretHash });
  await app.register(consolePageRoutes);
  return app;
}

/** handleError turns a 429 into RATE_LIMITED, as for the other limits. */
function tooManyBadTokens() {
  return Object.assign(
    new Error('too many requests with unknown, revoked or expired tokens from this address'),
    { statusCode: 429 },
  );
}

export type KeyformApp = Awaited<ReturnType<typeof buildApp>>;
