import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';

const root = fileURLToPath(new URL('../../dist/console/', import.meta.url));

/**
 * The integrator console: one page for `/` and every `/console/...` URL (the console routes in
 * the browser), its hashed files under `/console/assets/`. Out of frames, scripts only from
 * this origin. Styles may be inline: the JSON editors (CodeMirror) insert their own.
 */
export const consolePageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  let index: string | undefined;
  const page = async (reply: FastifyReply) => {
    index ??= await readFile(`${root}index.html`, 'utf8').catch(() => undefined);
    if (!index) {
      return reply.status(503).send({
        error: {
          code: 'RENDERER_NOT_BUILT',
          message: 'the console is not built: run `npm run build:renderer`',
        },
      });
    }
    // The page tester frames custom pages as end users see them.
    const frameSrc = ["'self'", app.config.pagesOrigin].filter(Boolean).join(' ');
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      .header(
        'content-security-policy',
        `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src ${frameSrc}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
      )
      .send(index);
  };
  const hide = { schema: { hide: true } };
  app.get('/', hide, async (_request, reply) => page(reply));
  app.get('/console', hide, async (_request, reply) => page(reply));
  app.get('/console/*', hide, async (_request, reply) => page(reply));
  await app.register(fastifyStatic, {
    root: `${root}assets`,
    prefix: '/console/assets/',
    decorateReply: false,
    immutable: true,
    maxAge: '365d',
    index: false,
    wildcard: true,
  });
};
