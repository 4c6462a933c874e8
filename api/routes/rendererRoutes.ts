import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { createAppPage } from '../createAppPage';

const root = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
// The SDKs and their declarations, both built by `npm run build:renderer`.
const sdkBuilt = fileURLToPath(new URL('../../dist/sdk/', import.meta.url));

/**
 * The renderer's page for every end-user URL, with headers that keep it out of frames
 * (frame-ancestors 'none') and its scripts to its own origin.
 */
export const rendererRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const page = createAppPage({
    root,
    name: 'renderer',
    pagesOrigin: app.config.pagesOrigin,
  });
  const hide = { schema: { hide: true } };
  app.get('/start/:processTokenId', hide, async (_request, reply) => page(reply));
  app.get('/flow/:instanceId', hide, async (_request, reply) => page(reply));
  // Beyond Identity's hosted authenticator: binding links lead here with their token in the fragment.
  app.get('/bind', hide, async (_request, reply) => page(reply));
  // The SDKs are loaded by integrators' pages on other origins: CORS open, never cached long
  // (a stable URL whose content changes with each release).
  const sdk = async (request: { params: { file: string } }, reply: FastifyReply) => {
    const { file } = request.params;
    const typed = file.endsWith('.d.ts');
    const body = await readFile(`${sdkBuilt}${file}`, 'utf8').catch(() => undefined);
    if (!body)
      return reply
        .status(404)
        .send({ error: { code: 'ROUTE_NOT_FOUND', message: `no SDK file ${file}` } });
    return reply
      .header(
        'content-type',
        typed ? 'application/typescript; charset=utf-8' : 'text/javascript; charset=utf-8',
      )
      .header('access-control-allow-origin', '*')
      .header('cache-control', 'public, max-age=300')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  };
  app.get<{ Params: { file: string } }>(
    '/sdk/:file',
    {
      schema: {
        hide: true,
        params: {
          type: 'object',
          properties: { file: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,31}\\.(js|d\\.ts)$' } },
        },
      },
    },
    sdk,
  );
  await app.register(fastifyStatic, {
    root: `${root}assets`,
    prefix: '/assets/',
    decorateReply: false,
    immutable: true,
    maxAge: '365d',
    index: false,
    wildcard: true,
  });
};
