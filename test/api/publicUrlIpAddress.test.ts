import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../api/seedDemo';
import { freePort } from '../storage/serverProcess';
import { buildTestApp, type TestApp } from '../support/buildTestApp';

/**
 * An IP address is never an RP ID (WebAuthn L3 §5.1.3), so with KEYFORM_PUBLIC_URL on one the
 * server still starts and serves the API, seeds no demo RP or start links, and says why.
 */
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('KEYFORM_PUBLIC_URL with an IP address', () => {
  it.each([
    ['IPv4', 'http://127.0.0.1:3000'],
    ['IPv6', 'http://[::1]:3000'],
  ])('builds and serves the API without the demo (%s)', async (_label, publicUrl) => {
    t = await buildTestApp({ config: { publicUrl } });
    expect((await t.request('GET', '/health')).status).toBe(200);
    const stores = await t.request('GET', '/api/identity-store/stores');
    expect(stores.status).toBe(200);
    expect(t.storage.identity.read().relyingParties).toEqual([]);
    expect(await t.storage.records.processTokens.list({ tenantId: 'default' })).toEqual([]);

    const seeded = await seedDemo(t.app.deps, t.app.config);
    expect(seeded).toMatchObject({ demo: false });
    if (seeded.demo) return;
    expect(seeded.notice).toContain('passkeys need a domain name');
    expect(seeded.notice).toContain('http://localhost:3000');
    expect(seeded.notice).not.toContain('\n');
  });
});

describe('the server started with an IP address public URL', () => {
  let child: ChildProcess | undefined;
  let workDir: string | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child?.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('starts, answers /health, and prints one line saying to use localhost', async () => {
    workDir = await mkdtemp(join(tmpdir(), 'keyform-ip-'));
    const port = await freePort();
    const repoRoot = new URL('../..', import.meta.url).pathname;
    child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        KEYFORM_DATA_DIR: join(workDir, 'data'),
        KEYFORM_PUBLIC_URL: `http://127.0.0.1:${port}`,
        KEYFORM_ADMIN_TOKEN: 'root_ip-address-public-url-test',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const deadline = Date.now() + 15_000;
    while (!stdout.includes('API reference:')) {
      if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`server not ready: ${stdout}${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    const lines = stdout.split('\n').filter((line) => line.includes('passkeys need a domain name'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Use http://localhost:${port}`);
    expect(stdout).not.toContain('Register a passkey');
    expect(stderr).toBe('');
  });
});
