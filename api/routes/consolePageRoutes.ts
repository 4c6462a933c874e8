import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createAppPage } from '../createAppPage';

const root = fileURLToPath(new URL('../../dist/console/', import.meta.url));

/**
 * The integrator console: one page for `/` and every `/console/...` URL (the console routes in
 * the browser), its hashed files under `/console/assets/`. Out of frames, scripts only from
 * this origin. Styles may be inline: the JSON editors (CodeMirror) insert their own.
 */
export const consolePageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const page = createAppPage({
    root,
    name: 'console',
    pagesOrigin: app.config.pagesOrigin,
    inlineStyles: true,
  });
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
