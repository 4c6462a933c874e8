import { readFile } from 'node:fs/promises';
import type { FastifyReply } from 'fastify';

/**
 * The answer for every URL of a single-page app built into `root` (its index.html, read once):
 * kept out of frames (frame-ancestors 'none'), scripts only from this origin, custom pages
 * framed from the pages path ('self') or KEYFORM_PAGES_ORIGIN; 503 RENDERER_NOT_BUILT until
 * `npm run build:renderer` has run. `inlineStyles` lets the app insert <style> elements.
 */
export function createAppPage({
  root,
  name,
  pagesOrigin,
  inlineStyles = false,
}: {
  root: string;
  name: string;
  pagesOrigin: string | undefined;
  inlineStyles?: boolean;
}) {
  let index: string | undefined;
  const frameSrc = ["'self'", pagesOrigin].filter(Boolean).join(' ');
  const styleSrc = inlineStyles ? "'self' 'unsafe-inline'" : "'self'";
  return async (reply: FastifyReply) => {
    index ??= await readFile(`${root}index.html`, 'utf8').catch(() => undefined);
    if (!index) {
      return reply.status(503).send({
        error: {
          code: 'RENDERER_NOT_BUILT',
          message: `the ${name} is not built: run \`npm run build:renderer\``,
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
        `default-src 'self'; script-src 'self'; style-src ${styleSrc}; img-src 'self' data:; connect-src 'self'; frame-src ${frameSrc}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
      )
      .send(index);
  };
}
