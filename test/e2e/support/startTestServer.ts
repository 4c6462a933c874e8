import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../../api/buildApp';
import { type KeyformConfig, loadConfig } from '../../../api/loadConfig';
import { seedDemo } from '../../../api/seedDemo';
import { openStorage } from '../../../storage/openStorage';

/**
 * A real Keyform listening on `http://localhost:PORT` (an IP is not a valid RP ID, while
 * localhost is a secure context), seeded like `npm start`, over a temp data directory.
 */
export async function startTestServer({
  config: overrides = {},
}: {
  config?: Partial<KeyformConfig>;
} = {}) {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'keyform-e2e-'));
  const adminToken = `root_${randomBytes(24).toString('base64url')}`;
  const publicUrl = `http://localhost:${port}`;
  const config = {
    ...loadConfig({}),
    port,
    host: '127.0.0.1',
    dataDir,
    publicUrl,
    adminToken,
    apiRateLimit: 1_000_000,
    publicRateLimit: 1_000_000,
    ...overrides,
  };
  const storage = await openStorage({ dataDir, synchronous: 'NORMAL' });
  const app = await buildApp({ storage, config });
  const seeded = await seedDemo(app.deps, config);
  // Browser tests serve on localhost (DESIGN §10): the demo is always seeded there.
  if (!seeded.demo) throw new Error(seeded.notice);
  const { startLink, signInLink } = seeded;
  await app.listen({ port, host: '127.0.0.1' });

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${publicUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: response JSON in tests
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any };
  };

  return {
    app,
    storage,
    publicUrl,
    startLink,
    signInLink,
    api,
    close: async () => {
      await app.close();
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
