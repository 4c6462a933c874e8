import { resolve } from 'node:path';
import type { PasskeyProviders } from '../identity/aaguids/PasskeyProvider';
import { readPasskeyProviders } from '../identity/aaguids/readPasskeyProviders';

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
  /**
   * API requests per minute per address with an unknown, revoked or expired token (0: no
   * limit); past it the address gets 429 before any token lookup until the minute ends.
   */
  badTokenRateLimit: number;
  /**
   * How long one turn of the event loop may run requests before newcomers wait for the next
   * (ms; 0: never). Keeps a burst from stalling timers, I/O and health checks.
   */
  loopBudgetMs: number;
  /** KEYFORM_PAGES_ORIGIN: a separate origin to serve custom pages from (they are sandboxed either way). */
  pagesOrigin: string | undefined;
  /** SMTP server for binding emails; without it they go to `<dataDir>/outbox`. */
  smtpUrl: string | undefined;
  /** Sender of binding emails. */
  mailFrom: string;
  /** Lifetime of a credential binding link when the job names none (seconds). */
  bindingTtlSeconds: number;
  /** The longest lifetime a job may ask for (seconds). */
  bindingMaxTtlSeconds: number;
  /** KEYFORM_AAGUID_FILE, read and checked at start; undefined: the list shipped in identity/aaguids. */
  passkeyProviders: PasskeyProviders | undefined;
  /** KEYFORM_CONSOLE_SESSION_HOURS: how long a console sign-in lasts (1..720, default 8). */
  consoleSessionHours: number;
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
    badTokenRateLimit: integer(
      env.KEYFORM_BAD_TOKEN_RATE_LIMIT,
      30,
      'KEYFORM_BAD_TOKEN_RATE_LIMIT',
    ),
    loopBudgetMs: integer(env.KEYFORM_LOOP_BUDGET_MS, 5, 'KEYFORM_LOOP_BUDGET_MS'),
    pagesOrigin: pagesOrigin(env.KEYFORM_PAGES_ORIGIN),
    ...bindingConfig(env, url),
    passkeyProviders: aaguidFile(env.KEYFORM_AAGUID_FILE),
    consoleSessionHours: consoleHours(env.KEYFORM_CONSOLE_SESSION_HOURS),
  };
}

/** Credential binding: mail transport and link lifetimes (Beyond Identity's 60–900 s by default). */
function bindingConfig(env: NodeJS.ProcessEnv, publicUrl: URL) {
  const smtpUrl = env.KEYFORM_SMTP_URL || undefined;
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    throw new Error(
      'KEYFORM_SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465',
    );
  }
  const ttl = integer(env.KEYFORM_BINDING_TTL_SECONDS, 900, 'KEYFORM_BINDING_TTL_SECONDS');
  const max = integer(
    env.KEYFORM_BINDING_MAX_TTL_SECONDS,
    Math.max(900, ttl),
    'KEYFORM_BINDING_MAX_TTL_SECONDS',
  );
  if (ttl < 60 || ttl > max) {
    throw new Error(
      `KEYFORM_BINDING_TTL_SECONDS ${ttl} must be within 60..${max} (KEYFORM_BINDING_MAX_TTL_SECONDS)`,
    );
  }
  return {
    smtpUrl,
    mailFrom: env.KEYFORM_MAIL_FROM || `Keyform <no-reply@${publicUrl.hostname}>`,
    bindingTtlSeconds: ttl,
    bindingMaxTtlSeconds: max,
  };
}

function consoleHours(text: string | undefined) {
  const hours = integer(text, 8, 'KEYFORM_CONSOLE_SESSION_HOURS');
  if (hours < 1 || hours > 720)
    throw new Error(`KEYFORM_CONSOLE_SESSION_HOURS ${hours} must be within 1..720`);
  return hours;
}

function integer(text: string | undefined, fallback: number, name: string) {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} '${text}' is not a whole number`);
  return value;
}

function aaguidFile(text: string | undefined) {
  if (text === undefined || text === '') return undefined;
  try {
    return readPasskeyProviders(resolve(text));
  } catch (error) {
    throw new Error(`KEYFORM_AAGUID_FILE: ${(error as Error).message}`);
  }
}

function pagesOrigin(text: string | undefined) {
  if (text === undefined || text === '') return undefined;
  let url: URL;
  try {
    url = new URL(text.replace(/\/+$/, ''));
  } catch {
    throw new Error(`KEYFORM_PAGES_ORIGIN '${text}' is not an absolute URL`);
  }
  if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`KEYFORM_PAGES_ORIGIN '${text}' must be an http(s) origin without a path`);
  }
  return url.origin;
}
