import { resolve } from 'node:path';

export interface KeyformConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Absolute base of every URL the server hands out, without a trailing slash. */
  publicUrl: string;
  adminToken: string | undefined;
  /** Requests per minute per API token; generous, since 100 parallel registrations is normal. */
  apiRateLimit: number;
  /** Requests per minute per address on end-user and link routes. */
  publicRateLimit: number;
}

/** Read configuration from the environment, refusing values that would misbehave later. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): KeyformConfig {
  const port = integer(env.PORT, 3000, 'PORT');
  const publicUrl = (env.KEYFORM_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new Error(`KEYFORM_PUBLIC_URL '${publicUrl}' is not an absolute URL`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`KEYFORM_PUBLIC_URL '${publicUrl}' must be an origin without a path`);
  }
  const adminToken = env.KEYFORM_ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 22) {
    throw new Error('KEYFORM_ADMIN_TOKEN must be at least 22 characters (128 bits of base64)');
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.KEYFORM_DATA_DIR ?? 'data'),
    publicUrl: url.origin,
    adminToken,
    apiRateLimit: integer(env.KEYFORM_API_RATE_LIMIT, 60_000, 'KEYFORM_API_RATE_LIMIT'),
    publicRateLimit: integer(env.KEYFORM_PUBLIC_RATE_LIMIT, 600, 'KEYFORM_PUBLIC_RATE_LIMIT'),
  };
}

function integer(text: string | undefined, fallback: number, name: string) {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} '${text}' is not a whole number`);
  return value;
}
