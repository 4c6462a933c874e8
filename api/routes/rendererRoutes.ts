import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';

const root = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/**
 * The renderer's page for every end-user URL, with headers that keep it out of frames
 * (frame-ancestors 'none') and its scripts to its own origin.
 */
export const rendererRoutes: FastifyPluginAsyncTypebox = async (app) => {
  let index: string | undefined;
  const page = async (reply: FastifyReply) => {
    index ??= await readFile(`${root}index.html`, 'utf8').catch(() => undefined);
    if (!index) {
      return reply.status(503).send({
        error: {
          code: 'RENDERER_NOT_BUILT',
          message: 'the renderer is not built: run `npm run build:renderer`',
        },
      });
    }
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      .header(
        'content-security-policy',
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      )
      .send(index);
  };
  const hide = { schema: { hide: true } };
  app.get('/start/:processTokenId', hide, async (_request, reply) => page(reply));
  app.get('/flow/:instanceId', hide, async (_request, reply) => page(reply));
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
