import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/loadConfig';
import { readPasskeyProviders } from '../../identity/aaguids/readPasskeyProviders';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import {
  createSoftAuthenticator,
  SOFT_AUTHENTICATOR_AAGUID_STRING,
} from '../support/createSoftAuthenticator';
import { sessionUrl, startForNewUser, store } from '../support/registrationHelpers';

const GPM = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';
const svg = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}`;

let dir: string;
let t: TestApp | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyform-aaguids-'));
});
afterEach(async () => {
  await t?.close();
  t = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function aaguidFile(content: unknown, name = 'aaguids.json') {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** The provider shown for a fresh passkey made with `aaguid`. */
async function providerFor(app: TestApp, aaguid: string) {
  const { user, session } = await startForNewUser(app);
  const authenticator = createSoftAuthenticator({
    aaguid: new Uint8Array(Buffer.from(aaguid.replaceAll('-', ''), 'hex')),
  });
  const clientResponse = authenticator.createCredential(session.clientRequest);
  const done = await app.request('POST', sessionUrl(session.sessionId), {
    body: { clientResponse },
  });
  expect(done.status).toBe(200);
  const listed = await app.request('GET', `${store}/users/${user.id}/passkeys`);
  return listed.body.items[0].provider;
}

describe('the shipped AAGUID list', () => {
  it('loads, and every entry has a name and SVG data URI icons', () => {
    const providers = readPasskeyProviders();
    expect(providers.size).toBeGreaterThan(40);
    expect(providers.get(GPM)?.name).toBe('Google Password Manager');
    for (const [aaguid, provider] of providers) {
      expect(aaguid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(provider.name.length).toBeGreaterThan(0);
      for (const icon of [provider.icon, provider.iconDark]) {
        if (icon !== null) expect(icon).toMatch(/^data:image\/svg\+xml;base64,/);
      }
    }
  });
});

describe('KEYFORM_AAGUID_FILE', () => {
  it('replaces the shipped list with the operator’s file', async () => {
    const file = await aaguidFile({
      // Upper case, and a field the list may grow later: both accepted.
      [SOFT_AUTHENTICATOR_AAGUID_STRING.toUpperCase()]: {
        name: ' Keyform Test Provider ',
        icon_light: svg,
        added_later: true,
      },
    });
    const { passkeyProviders } = loadConfig({ KEYFORM_AAGUID_FILE: file });
    t = await buildTestApp({ config: { passkeyProviders } });
    expect(await providerFor(t, SOFT_AUTHENTICATOR_AAGUID_STRING)).toEqual({
      name: 'Keyform Test Provider',
      icon: svg,
      iconDark: null,
    });
    // Only the operator's list counts: the shipped entries are gone with it.
    expect(await providerFor(t, GPM)).toBeNull();
  });

  it('accepts an empty list (the community list’s form once retired): no providers', async () => {
    const { passkeyProviders } = loadConfig({ KEYFORM_AAGUID_FILE: await aaguidFile({}) });
    expect(passkeyProviders?.size).toBe(0);
  });

  it('uses the shipped list when unset', () => {
    expect(loadConfig({}).passkeyProviders).toBeUndefined();
    expect(loadConfig({ KEYFORM_AAGUID_FILE: '' }).passkeyProviders).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"a": ', /is not JSON/],
    ['an array', [], /must be a JSON object/],
    ['a key that is no AAGUID', { 'not-an-aaguid': { name: 'x' } }, /the key is not an AAGUID/],
    ['an entry that is a string', { [GPM]: 'Google' }, /must be an object/],
    ['an entry without a name', { [GPM]: { icon_light: svg } }, /name must be a string/],
    ['a blank name', { [GPM]: { name: '  ' } }, /name must be a string/],
    ['a name too long', { [GPM]: { name: 'x'.repeat(129) } }, /name must be a string/],
    [
      'a script URL as icon',
      { [GPM]: { name: 'x', icon_dark: 'javascript:alert(1)' } },
      /icon_dark must be a data:image\/svg\+xml;base64 URI/,
    ],
    [
      'a PNG icon',
      { [GPM]: { name: 'x', icon_light: 'data:image/png;base64,iVBORw0KGgo=' } },
      /icon_light must be/,
    ],
    [
      'one AAGUID twice (in two cases)',
      { [GPM]: { name: 'a' }, [GPM.toUpperCase()]: { name: 'b' } },
      /listed twice/,
    ],
  ])(
    'refuses a file with %s, naming the variable and the file',
    async (_label, content, problem) => {
      const file = await aaguidFile(content);
      expect(() => loadConfig({ KEYFORM_AAGUID_FILE: file })).toThrow(problem);
      expect(() => loadConfig({ KEYFORM_AAGUID_FILE: file })).toThrow(
        `KEYFORM_AAGUID_FILE: AAGUID file '${file}'`,
      );
    },
  );

  it('refuses a file that is not there', () => {
    expect(() => loadConfig({ KEYFORM_AAGUID_FILE: join(dir, 'missing.json') })).toThrow(
      /KEYFORM_AAGUID_FILE: .*missing\.json' cannot be read/,
    );
  });
});

describe('the server started with a bad KEYFORM_AAGUID_FILE', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });

  it('does not start, says why, and writes no data directory', async () => {
    const file = await aaguidFile({ [GPM]: { name: 'x', icon_light: 'https://x.example/i.svg' } });
    const dataDir = join(dir, 'data');
    const repoRoot = new URL('../..', import.meta.url).pathname;
    child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        KEYFORM_DATA_DIR: dataDir,
        KEYFORM_AAGUID_FILE: file,
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
    const code = await new Promise<number | null>((done) => child?.once('exit', done));
    expect(code).toBe(1);
    expect(stderr).toContain(
      `keyform: cannot start: KEYFORM_AAGUID_FILE: AAGUID file '${file}' entry '${GPM}': icon_light`,
    );
    expect(stdout).not.toContain('Keyform is running');
    expect(existsSync(dataDir)).toBe(false);
  }, 20_000);
});
