import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVirtualAuthenticator } from './support/addVirtualAuthenticator';
import { deployPageProcess } from './support/deployPageProcess';
import { generatedDeclarations } from './support/generatedDeclarations';
import { launchChromium } from './support/launchChromium';
import { startTestServer } from './support/startTestServer';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const count = (table: 'users' | 'passkeys') =>
  (server.storage.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

const startLinkOf = async (tokenName: string) => {
  const token = await server.storage.records.processTokens.findByName({
    tenantId: 'default',
    name: tokenName,
  });
  if (!token) throw new Error(`no token ${tokenName}`);
  return `${server.publicUrl}/start/${token.id}`;
};

/** The custom page's frame, found by its accessible name (the iframe's title). */
async function frameTitled(page: Page, title: string): Promise<Frame> {
  const content = await (await page.getByTitle(title).elementHandle())?.contentFrame();
  if (!content) throw new Error(`no frame titled ${title}`);
  return content;
}

const instanceIdOf = (page: Page) => new URL(page.url()).pathname.split('/')[2] ?? '';

const capturesOf = async (instanceId: string) =>
  (await server.api('GET', `/api/process-manager/processInstances/${instanceId}`)).body;

/** A TrustX-style page: nothing but READY / message / SEND through postMessage. */
const trustxPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Questions</title></head><body>
<p id="greeting">Waiting for the host…</p>
<button id="send" type="button">Send answers</button>
<p id="nested-status" role="status"></p>
<iframe title="nested" srcdoc="${`<script>
  window.top.postMessage({event:'SEND', variables:{forged:true}}, '*');
  window.top.postMessage({event:'READY'}, '*');
  let answered = false;
  addEventListener('message', (e) => { if (e.data && e.data.event === 'message') answered = true; });
  setTimeout(() => parent.postMessage({nested: answered ? 'answered' : 'ignored'}, '*'), 500);
</script>`.replaceAll('"', '&quot;')}"></iframe>
<script>
  window.addEventListener('message', function (e) {
    if (e.data && e.data.nested) document.getElementById('nested-status').textContent = 'nested ' + e.data.nested;
    if (e.source !== window.parent || !e.data || e.data.event !== 'message') return;
    document.getElementById('greeting').textContent = 'Hello ' + e.data.variables.constants.greeting;
  });
  window.parent.postMessage({ event: 'READY' }, '*');
  document.getElementById('send').addEventListener('click', function () {
    window.parent.postMessage({ event: 'SEND', variables: { colour: 'blue', answer: 42, nested: { ok: true } } }, '*');
  });
</script></body></html>`;

/** A page on the SDK: createPasskey(names) then send(response); and a forged create(). */
const sdkPage = (publicUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SDK</title></head><body>
<label for="name">User name</label><input id="name">
<button id="create" type="button">Create passkey</button>
<button id="forge" type="button">Forge a request</button>
<p id="out" role="status">loading</p>
<script type="module">
  import { ready, send, createPasskey } from '${publicUrl}/sdk/page.js';
  const out = document.getElementById('out');
  const { constants } = await ready();
  out.textContent = 'ready for ' + constants.rpId;
  document.getElementById('create').onclick = async () => {
    try {
      const response = await createPasskey({ userName: document.getElementById('name').value, displayName: 'SDK User' });
      out.textContent = 'created';
      send({ passkeyRegClientResponse: response });
    } catch (e) {
      out.textContent = 'failed: ' + e.reason + ' ' + e.name + ' ' + e.fields.map((f) => f.path).join(',');
    }
  };
  document.getElementById('forge').onclick = async () => {
    try {
      await navigator.credentials.create({ publicKey: {
        challenge: new Uint8Array(32), rp: { name: 'x' },
        user: { id: new Uint8Array(16), name: 'x', displayName: 'x' },
        pubKeyCredParams: [{ type: 'public-key', alg: -7 }] } });
      out.textContent = 'forged: created';
    } catch (e) { out.textContent = 'forged: ' + e.name; }
  };
</script></body></html>`;

/** What a script can do where a page runs: its origin, the app's cookies and storage, the API. */
async function probe(target: Page | Frame, apiUrl: string) {
  return target.evaluate(async (url) => {
    const attempt = (work: () => unknown) => {
      try {
        const value = work();
        return value === undefined ? 'allowed' : String(value);
      } catch (error) {
        return (error as Error).name;
      }
    };
    const webauthn = Object.getPrototypeOf(navigator.credentials ?? {})?.create;
    return {
      origin: self.origin,
      cookie: attempt(() => document.cookie),
      localStorage: attempt(() => localStorage.length),
      parentDocument: attempt(() =>
        window.parent === window ? 'no parent' : window.parent.document.title,
      ),
      popup: attempt(() => (window.open('about:blank') === null ? 'blocked' : 'opened')),
      api: await fetch(url, { credentials: 'include' }).then(
        (r) => `status ${r.status}`,
        (e: Error) => e.name,
      ),
      nativeWebAuthn: webauthn
        ? await webauthn
            .call(navigator.credentials, {
              publicKey: {
                challenge: new Uint8Array(32),
                rp: { name: 'x' },
                user: { id: new Uint8Array(16), name: 'x', displayName: 'x' },
                pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
              },
            })
            .then(
              () => 'created',
              (e: Error) => e.name,
            )
        : 'absent',
    };
  }, apiUrl);
}

/** The Cookie header Chromium actually sent for each request to `url` (CDP's raw headers). */
function watchCookies(context: BrowserContext, url: string) {
  const seen: Array<Promise<string | null>> = [];
  context.on('request', (request) => {
    if (request.url() !== url) return;
    seen.push(request.allHeaders().then((headers) => headers.cookie ?? null));
  });
  return () => Promise.all(seen);
}

describe('custom pages in Chromium', () => {
  it('the built-in sample page registers a passkey through the host', async () => {
    const before = count('passkeys');
    const page = await browser.newPage();
    const authenticator = await addVirtualAuthenticator(page);
    await page.goto(await startLinkOf('demo-page'));
    const frame = page.frameLocator('iframe[title="Register a passkey"]');
    await frame.getByLabel('User name').fill('ada-page');
    await frame.getByLabel('Display name').fill('Ada Page');
    await frame.getByRole('button', { name: 'Register' }).click();
    await page.getByText('Your passkey was registered successfully.').waitFor();
    expect(count('passkeys')).toBe(before + 1);
    const credentials = await authenticator.credentials();
    expect(credentials).toHaveLength(1);
    const users = await server.api('GET', '/api/identity-store/stores/default/users?size=200');
    expect(users.body.items.some((u: { userKey: string }) => u.userKey === 'ada-page')).toBe(true);
    await page.close();
  });

  it('the sample page shows a taken user name next to its field, and a cancelled prompt lets the user try again', async () => {
    const page = await browser.newPage();
    const authenticator = await addVirtualAuthenticator(page, { isUserVerified: false });
    await page.goto(await startLinkOf('demo-page'));
    const frame = page.frameLocator('iframe[title="Register a passkey"]');
    await frame.getByLabel('User name').fill('ada-page');
    await frame.getByLabel('Display name').fill('Ada Again');
    await frame.getByRole('button', { name: 'Register' }).click();
    await frame.getByText('This user name is already taken.').waitFor();
    expect(await frame.getByLabel('User name').getAttribute('aria-invalid')).toBe('true');

    await frame.getByLabel('User name').fill('grace-page');
    await frame.getByRole('button', { name: 'Register' }).click();
    await frame.getByText('The passkey was not created. You can try again, or cancel.').waitFor();
    await authenticator.setUserVerified(true);
    await frame.getByRole('button', { name: 'Register' }).click();
    await page.getByText('Your passkey was registered successfully.').waitFor();
    expect(await authenticator.credentials()).toHaveLength(1);
    await page.close();
  });

  it('the sample page’s Cancel takes the process’s userCancelled path (the retry form)', async () => {
    const page = await browser.newPage();
    await addVirtualAuthenticator(page);
    await page.goto(await startLinkOf('demo-page'));
    const frame = page.frameLocator('iframe[title="Register a passkey"]');
    await frame.getByRole('button', { name: 'Register' }).waitFor();
    await frame.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.frameLocator('iframe[title="Register a passkey"]').getByLabel('User name').waitFor();
    await page.close();
  });

  it('a raw TrustX page (READY / SEND only) runs unchanged; forged messages from other frames are ignored', async () => {
    const link = await deployPageProcess(server, { name: 'trustx-raw', html: trustxPage });
    const page = await browser.newPage();
    await page.goto(link);
    const frame = page.frameLocator('iframe[title="trustx-raw"]');
    await frame.getByText('Hello world').waitFor();
    // A nested frame posted SEND and READY to the top window: no answer, no step taken.
    await frame.getByText('nested ignored').waitFor();
    // And so is one posted by a script in the host window itself.
    await page.evaluate(() =>
      window.postMessage({ event: 'SEND', variables: { fromTop: true } }, '*'),
    );
    await page.waitForTimeout(200);
    const instanceId = instanceIdOf(page);
    expect((await capturesOf(instanceId)).currentStep.component).toBe('page');

    await frame.getByRole('button', { name: 'Send answers' }).click();
    await page.getByText('Thanks, your answers were saved.').waitFor();
    const admin = await capturesOf(instanceId);
    expect(admin.state).toBe('COMPLETED');
    expect(admin.captures._customUis.page.currentCapture.customPageParameters).toEqual({
      colour: { value: 'blue' },
      answer: { value: 42 },
      nested: { value: { ok: true } },
    });
    await page.close();
  });

  it('the page SDK: createPasskey(names) → send(response) registers; refused names and a forged create() are answered', async () => {
    const link = await deployPageProcess(server, {
      name: 'sdk-page',
      html: sdkPage(server.publicUrl),
      registration: true,
    });
    const before = count('passkeys');
    const page = await browser.newPage();
    const authenticator = await addVirtualAuthenticator(page);
    await page.goto(link);
    const frame = page.frameLocator('iframe[title="sdk-page"]');
    await frame.getByText('ready for localhost').waitFor();

    await frame.getByRole('button', { name: 'Forge a request' }).click();
    await frame.getByText('forged: SecurityError').waitFor();
    expect(await authenticator.credentials()).toHaveLength(0);

    await frame.getByLabel('User name').fill('has space');
    await frame.getByRole('button', { name: 'Create passkey' }).click();
    await frame.getByText('failed: invalidInput DataError /userName').waitFor();

    await frame.getByLabel('User name').fill('sdk-user');
    await frame.getByRole('button', { name: 'Create passkey' }).click();
    await page.getByText('Your passkey was registered successfully.').waitFor();
    expect(count('passkeys')).toBe(before + 1);
    const [credential] = await authenticator.credentials();
    expect(credential?.userName).toBe('sdk-user');
    await page.close();
  });

  it('serves the page SDK’s declarations as generated from its sources', async () => {
    const served = await fetch(`${server.publicUrl}/sdk/page.d.ts`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toContain('application/typescript');
    expect(await served.text()).toBe(generatedDeclarations('page'));
  });

  it('measures the sandbox: framed or opened directly, a page has an opaque origin and no use of the app’s cookies', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await addVirtualAuthenticator(page);
    await page.goto(await startLinkOf('demo-page'));
    const frame = await frameTitled(page, 'Register a passkey');
    await frame.getByRole('button', { name: 'Register' }).waitFor();
    const apiUrl = `${server.publicUrl}/api/flow/${instanceIdOf(page)}/step`;
    const cookiesSent = watchCookies(context, apiUrl);

    // Control: the app itself sends its capability cookie and reads its API.
    const app = await page.evaluate(
      (url) => fetch(url, { credentials: 'include' }).then((r) => `status ${r.status}`),
      apiUrl,
    );
    const framed = await probe(frame, apiUrl);
    const direct = await context.newPage();
    await direct.goto(frame.url());
    const opened = await probe(direct, apiUrl);
    const cookies = await cookiesSent();
    console.info('sandbox measured', JSON.stringify({ app, framed, opened, cookies }, null, 2));

    expect(app).toBe('status 200');
    for (const measured of [framed, opened]) {
      expect(measured).toMatchObject({
        origin: 'null',
        cookie: 'SecurityError',
        localStorage: 'SecurityError',
        api: 'TypeError',
      });
      expect(measured.nativeWebAuthn).not.toBe('created');
    }
    expect(framed.parentDocument).toBe('SecurityError');
    expect(framed.popup).toBe('blocked');
    // The app's request carried the cookie; neither of the page's did.
    expect(cookies).toHaveLength(3);
    expect(cookies[0]).toMatch(/^kf_flow=/);
    expect(cookies.slice(1)).toEqual([null, null]);
    await context.close();
  });

  it('refuses to be framed by any origin but the app’s (frame-ancestors)', async () => {
    const page = await browser.newPage();
    const pageUrl = `${server.publicUrl}/pages/default/passkey-registration-page/1/index.html`;
    const elsewhere = server.publicUrl.replace('localhost', '127.0.0.1');
    await page.goto(`${elsewhere}/health`);
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.title = 'foreign';
      document.body.append(frame);
      return new Promise((resolve) => frame.addEventListener('load', resolve));
    }, pageUrl);
    const framed = await frameTitled(page, 'foreign');
    console.info('framed by another origin:', framed.url());
    expect(framed.url()).not.toBe(pageUrl);
    await page.close();
  });
});
