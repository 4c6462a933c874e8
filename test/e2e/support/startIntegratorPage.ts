import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An integrator's web app on its own origin (`http://localhost:PORT`, another port than
 * Keyform's): one page that imports Keyform's embedded SDK cross-origin and exposes
 * `window.bind(link)` and `window.authenticate(link, passkeyId?)`, which resolve to
 * `{ok, result, passkeys}` or `{ok: false, code, apiCode}` (authenticate: and `passkeys`).
 */
export async function startIntegratorPage({ keyformUrl }: { keyformUrl: string }) {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Integrator</title></head>
<body><h1>Integrator app</h1>
<script type="module">
  import { Embedded } from '${keyformUrl}/sdk/embedded.js';
  window.bind = async (link) => {
    const embedded = await Embedded.initialize();
    if (!embedded.isBindPasskeyUrl(link)) return { ok: false, code: 'notABindUrl' };
    try {
      const result = await embedded.bindPasskey(link);
      return { ok: true, result, passkeys: await embedded.getPasskeys() };
    } catch (error) {
      return { ok: false, code: error.code, apiCode: error.apiCode, name: error.name };
    }
  };
  window.authenticate = async (link, passkeyId) => {
    const embedded = await Embedded.initialize();
    if (!embedded.isAuthenticateUrl(link)) return { ok: false, code: 'notAnAuthenticateUrl' };
    try {
      const result = await embedded.authenticate(link, passkeyId);
      return { ok: true, result, passkeys: await embedded.getPasskeys() };
    } catch (error) {
      return {
        ok: false,
        code: error.code,
        apiCode: error.apiCode,
        name: error.name,
        passkeys: await embedded.getPasskeys(),
      };
    }
  };
  document.body.dataset.ready = 'yes';
</script></body></html>`;
  const server = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
