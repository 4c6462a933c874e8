import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, repoRoot } from '../../scripts/buildServer';
import { freePort } from '../storage/serverProcess';

/**
 * What `npm start` runs: api/server.ts built by `npm run build:server`'s build function (into a
 * temp directory), run by plain node from the repository root over a temp data directory. Every
 * other suite runs the TypeScript; this one fails when the build breaks the product: a
 * dependency that cannot be bundled, or a file the server reads beside its sources.
 */
let workDir: string;
let child: ChildProcess;
let baseUrl: string;
let stdout = '';
let stderr = '';
const adminToken = 'root_compiled-server-test-token';

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'keyform-compiled-'));
  const { entry } = await buildServer({ outdir: join(workDir, 'dist') });
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  child = spawn(process.execPath, [entry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KEYFORM_DATA_DIR: join(workDir, 'data'),
      KEYFORM_PUBLIC_URL: baseUrl,
      KEYFORM_ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  // Ready once the welcome text (printed after listen) is complete.
  const deadline = Date.now() + 15_000;
  while (!stdout.includes('API reference:')) {
    if (child.exitCode !== null) throw new Error(`compiled server exited: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`compiled server not ready: ${stdout}${stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
});

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(`${baseUrl}${path}`, init);
const api = (method: string, path: string, body: unknown) =>
  fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('compiled server (npm start)', () => {
  it('answers /health and logs through pino', async () => {
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(stdout).toContain('Server listening at');
    expect(stderr).toBe('');
  });

  it('serves the OpenAPI document and the swagger UI with its static files', async () => {
    const json = await get('/docs/json');
    expect(json.status).toBe(200);
    const doc = (await json.json()) as { info: { title: string }; paths: object };
    expect(doc.info.title).toBe('Keyform');
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
    const ui = await get('/docs/');
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
    // Read from node_modules/@fastify/swagger-ui/static, beside the bundled module's source.
    const logo = await get('/docs/static/logo.svg');
    expect(logo.status).toBe(200);
    expect(await logo.text()).toContain('<svg');
  });

  it('serves the start link page, its assets and the SDKs from the repository', async () => {
    const startLink = /Register a passkey:\s+(\S+)/.exec(stdout)?.[1];
    expect(startLink).toMatch(/\/start\/pt_/);
    const page = await fetch(startLink!);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await get(script!)).status).toBe(200);
    const sdk = await get('/sdk/page.js');
    expect(sdk.status).toBe(200);
    expect((await get('/sdk/page.d.ts')).status).toBe(200);
  });

  it('serves the built-in custom page (pages/builtin)', async () => {
    const page = await get('/pages/default/passkey-registration-page/1/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('fills the built-in binding email templates (identity/binding/templates)', async () => {
    const identity = await api('POST', '/v1/tenants/default/realms/default/identities', {
      identity: {
        display_name: 'Ada',
        traits: { type: 'traits_v0', username: 'ada', primary_email_address: 'ada@example.com' },
      },
    });
    expect(identity.status).toBe(200);
    const { id } = (await identity.json()) as { id: string };
    const job = await api(
      'POST',
      `/v1/tenants/default/realms/default/identities/${id}/credential-binding-jobs`,
      { job: { delivery_method: 'EMAIL' } },
    );
    expect(job.status).toBe(200);
    const outbox = join(workDir, 'data', 'outbox');
    const [mail] = await readdir(outbox);
    expect(await readFile(join(outbox, mail!), 'utf8')).toContain('Subject: Create your passkey');
  });
});
