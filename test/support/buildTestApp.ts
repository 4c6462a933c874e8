import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../api/buildApp';
import { type KeyformConfig, loadConfig } from '../../api/loadConfig';
import { seedDemo } from '../../api/seedDemo';
import { openStorage } from '../../storage/openStorage';

export const testOrigin = 'http://localhost:3000';

/**
 * A seeded Keyform over a fresh temp data directory (tenant `default`, store `default`,
 * RP `localhost` with policy `default`), a root token, and a clock the test moves.
 */
export async function buildTestApp({
  dataDir,
  config: overrides = {},
}: {
  dataDir?: string;
  config?: Partial<KeyformConfig>;
} = {}) {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'keyform-test-')));
  const rootToken = `root_${randomBytes(24).toString('base64url')}`;
  const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
  const config = {
    ...loadConfig({}),
    dataDir: dir,
    adminToken: rootToken,
    publicUrl: testOrigin,
    apiRateLimit: 1_000_000,
    badTokenRateLimit: 1_000_000,
    ...overrides,
  };
  const storage = await openStorage({ dataDir: dir, synchronous: 'NORMAL' });
  const app = await buildApp({ storage, config, now: () => clock.now });
  await seedDemo(app.deps, config);
  await app.ready();

  const request = async (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    {
      body,
      token = rootToken,
      headers = {},
    }: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
  ) => {
    const response = await app.inject({
      method,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(body === undefined
        ? {}
        : typeof body === 'string'
          ? {
              payload: body,
              headers: {
                'content-type': 'application/json',
                ...(token ? { authorization: `Bearer ${token}` } : {}),
                ...headers,
              },
            }
          : { payload: body as object }),
    });
    const text = response.body;
    return {
      status: response.statusCode,
      headers: response.headers,
      body: text ? (JSON.parse(text) as Json) : undefined,
    };
  };

  return {
    app,
    storage,
    clock,
    dataDir: dir,
    rootToken,
    request,
    close: async () => {
      await app.close();
      await storage.close();
      if (!dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;
// Test bodies are read loosely on purpose; each test asserts the fields it cares about.
// biome-ignore lint/suspicious/noExplicitAny: response JSON in tests
export type Json = any;
