import { randomBytes } from 'node:crypto';
import { buildKeyform, keyformEntry } from './buildKeyform';
import { startServer } from './startServer';

/** Every response the bench builds is for this origin; it is the RP's allowed origin. */
export const benchOrigin = 'http://localhost:3000';
export const keyformPaths = {
  users: '/api/identity-store/stores/default/users',
  start: (userId: string) =>
    `/api/identity-store/stores/default/users/${userId}/passkeys/relyingParties/localhost/registrations/default`,
  complete: (sessionId: string) =>
    `/api/identity-store/stores/default/passkeys/registrations/sessions/${sessionId}`,
};

export type KeyformServer = Awaited<ReturnType<typeof startKeyform>>;

/**
 * The real server as `npm start` runs it (`node dist/server/server.js`, built from
 * api/server.ts by `npm run build:server`; built here first if missing or stale) on `dataDir`, with
 * LOG_LEVEL=warn and rate limits (API and end-user) no benchmark reaches. Requests use a tenant
 * API token with `TNT#default#IdentityStore:*`, the way an integrator's backend would, not the
 * root token; `adminHeaders` carry the admin token (the front-end scenario uploads a form and a
 * process, the flow scenario creates process tokens).
 */
export async function startKeyform({
  dataDir,
  prefix,
  port,
  publicUrl = benchOrigin,
}: {
  dataDir: string;
  prefix: string[];
  port?: number;
  publicUrl?: string;
}) {
  await buildKeyform();
  const adminToken = randomBytes(24).toString('base64url');
  const server = await startServer({
    entry: keyformEntry,
    prefix,
    env: {
      ...(port === undefined ? {} : { PORT: String(port) }),
      HOST: '127.0.0.1',
      KEYFORM_DATA_DIR: dataDir,
      KEYFORM_PUBLIC_URL: publicUrl,
      KEYFORM_ADMIN_TOKEN: adminToken,
      KEYFORM_API_RATE_LIMIT: '1000000000',
      KEYFORM_PUBLIC_RATE_LIMIT: '1000000000',
      LOG_LEVEL: 'warn',
    },
  });
  const created = await fetch(`${server.baseUrl}/api/tenants/default/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `bench-${Date.now()}`,
      permissions: ['TNT#default#IdentityStore:*'],
    }),
  });
  if (created.status !== 201) throw new Error(`token: ${created.status} ${await created.text()}`);
  const { token } = (await created.json()) as { token: string };
  return {
    ...server,
    kind: 'keyform' as const,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    adminHeaders: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    paths: keyformPaths,
  };
}
