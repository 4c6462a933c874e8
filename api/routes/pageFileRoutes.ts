import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { injectPageBridge } from '../../pages/injectPageBridge';
import { normalizePagePath } from '../../pages/normalizePagePath';
import { PageError } from '../../pages/PageError';
import { readPageFile } from '../../pages/readPageFile';
import { Name } from '../schemas/common';

/**
 * Serves page files (DESIGN §7) under `/pages/{tenant}/{page}/{version}/{path}`, on
 * KEYFORM_PAGES_ORIGIN only when that is set. Every response carries a CSP `sandbox` without
 * `allow-same-origin`, so a page runs with an opaque origin even when opened directly: it can
 * never read the app's cookies or storage or call its API as the app. The Content-Type comes
 * from the extension, never from the upload, and is not to be sniffed.
 */
export const pageFileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { publicUrl, pagesOrigin } = app.config;
  const pagesHost = pagesOrigin ? new URL(pagesOrigin).host : undefined;
  const bridgeUrl = `${publicUrl}/sdk/page-bridge.js`;
  const csp = `sandbox allow-scripts allow-forms; object-src 'none'; base-uri 'none'; frame-ancestors ${publicUrl}`;

  app.get(
    '/pages/:tenantId/:pageName/:version/*',
    {
      config: {
        rateLimit: {
          // A page loads several assets per view: immutable files get ten times the budget.
          max: app.config.publicRateLimit * 10,
          timeWindow: 60_000,
          keyGenerator: (r: FastifyRequest) => r.ip,
        },
      },
      schema: {
        hide: true,
        params: Type.Object({
          tenantId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
          pageName: Name,
          version: Type.String({ pattern: '^[1-9][0-9]{0,5}$' }),
          '*': Type.String({ maxLength: 400 }),
        }),
      },
    },
    async (request, reply) => {
      const { tenantId, pageName, version } = request.params;
      const path = request.params['*'] || 'index.html';
      const notFound = () =>
        new PageError('PAGE_FILE_NOT_FOUND', `no page file ${request.url.split('?')[0]}`);
      // With a pages origin, the app's own origin serves no page content at all.
      if (pagesHost !== undefined && request.host !== pagesHost) throw notFound();
      // Built-ins exist in every tenant: only real tenants have pages to serve.
      if (!app.deps.definitions.read().tenants.some((t) => t.id === tenantId)) throw notFound();
      // The same path rules as uploads: nothing outside a bundle can even be named.
      if (!normalizePagePath({ path }).ok) throw notFound();
      const file = await readPageFile(app.deps, {
        tenantId,
        name: pageName,
        version: Number(version),
        path,
      });
      const html = file.contentType.startsWith('text/html');
      return reply
        .header('content-type', file.contentType)
        .header('content-security-policy', csp)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .header('cache-control', 'public, max-age=300')
        .send(html ? injectPageBridge({ html: file.bytes, bridgeUrl }) : Buffer.from(file.bytes));
    },
  );
};
