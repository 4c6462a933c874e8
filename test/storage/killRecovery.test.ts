import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Json } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';
import { sessionUrl, startUrl, store } from '../support/registrationHelpers';
import { freePort, type ServerProcess, startServer } from './serverProcess';

const adminToken = randomBytes(24).toString('base64url'); // 32 characters
const workers = 8;
const loadMs = 2_000;

const servers: ServerProcess[] = [];
const dataDirs: string[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill('SIGKILL')));
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function newDataDir() {
  const dir = await mkdtemp(join(tmpdir(), 'keyform-kill-'));
  dataDirs.push(dir);
  return dir;
}

function launch(dataDir: string, port: number) {
  const server = startServer({ dataDir, port, adminToken });
  servers.push(server);
  return server;
}

const pidInFile = async (dataDir: string) =>
  Number((await readFile(join(dataDir, 'keyform.pid'), 'utf8')).trim());

/** A small API client for one server; every call has a deadline so nothing hangs. */
function client(baseUrl: string) {
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
  };
}

type Acknowledged = { userId: string; passkeyId: string; credentialId: string };
/** Sessions whose start was acknowledged (a start answers at its COMMIT, not at the sync). */
const startsAcknowledged: string[] = [];

/** Create a user, start, complete — again and again, until the server stops answering. */
async function registerUntilStopped(
  api: ReturnType<typeof client>,
  origin: string,
  acknowledged: Acknowledged[],
  stats: { inFlight: number; killed: boolean; errorsBeforeKill: string[] },
  stop: { now: boolean },
) {
  const authenticator = createSoftAuthenticator({ origin });
  while (!stop.now) {
    stats.inFlight++;
    try {
      const user = await api.post(`${store}/users`, { userKey: `load-${randomUUID()}` });
      if (user.status !== 201) throw new Error(`create user: ${user.status}`);
      const started = await api.post(startUrl(user.body.id), {});
      if (started.status !== 201) throw new Error(`start: ${started.status}`);
      startsAcknowledged.push(started.body.sessionId);
      const clientResponse = authenticator.createCredential(started.body.clientRequest);
      const completed = await api.post(sessionUrl(started.body.sessionId), { clientResponse });
      if (completed.status !== 200) throw new Error(`complete: ${completed.status}`);
      acknowledged.push({
        userId: user.body.id,
        passkeyId: completed.body.passkey.id,
        credentialId: completed.body.passkey.credentialId,
      });
    } catch (error) {
      // After the kill, refused or reset connections are expected; before it, nothing may fail.
      if (!stats.killed) stats.errorsBeforeKill.push(String(error));
      return;
    } finally {
      stats.inFlight--;
    }
  }
}

/** Definitions too: create stores (a lowdb rewrite of identity.json each) until stopped. */
async function createStoresUntilStopped(
  api: ReturnType<typeof client>,
  acknowledged: string[],
  stats: { killed: boolean; errorsBeforeKill: string[] },
  stop: { now: boolean },
) {
  while (!stop.now) {
    const name = `s-${randomUUID().slice(0, 8)}`;
    try {
      const created = await api.post('/api/identity-store/stores', { name });
      if (created.status !== 201) throw new Error(`create store: ${created.status}`);
      acknowledged.push(name);
    } catch (error) {
      if (!stats.killed) stats.errorsBeforeKill.push(String(error));
      return;
    }
  }
}

describe('kill -9 in the middle of concurrent registrations', () => {
  it('keeps every acknowledged passkey, and a restart takes over the dead lock', async () => {
    const dataDir = await newDataDir();
    const port = await freePort();
    const first = launch(dataDir, port);
    await first.ready();
    expect(await pidInFile(dataDir)).toBe(first.pid);

    const origin = `http://localhost:${port}`;
    const api = client(first.baseUrl);
    const acknowledged: Acknowledged[] = [];
    const stats = { inFlight: 0, killed: false, errorsBeforeKill: [] as string[] };
    const stop = { now: false };
    const storesAcknowledged: string[] = [];
    const load = [
      ...Array.from({ length: workers }, () =>
        registerUntilStopped(api, origin, acknowledged, stats, stop),
      ),
      createStoresUntilStopped(api, storesAcknowledged, stats, stop),
    ];

    await new Promise((r) => setTimeout(r, loadMs));
    const inFlightAtKill = stats.inFlight;
    const acknowledgedAtKill = acknowledged.length;
    stats.killed = true;
    const exit = await first.kill('SIGKILL');
    stop.now = true;
    await Promise.all(load);

    expect(exit.signal).toBe('SIGKILL');
    expect(stats.errorsBeforeKill).toEqual([]);
    expect(inFlightAtKill).toBeGreaterThan(0); // it died mid-load, not between requests
    expect(acknowledgedAtKill).toBeGreaterThan(10);
    // A response can still arrive between reading the counters and the kill landing.
    expect(acknowledged.length).toBeGreaterThanOrEqual(acknowledgedAtKill);
    // The dead owner's pid file is still there: the restart must take it over.
    expect(await pidInFile(dataDir)).toBe(first.pid);

    const second = launch(dataDir, port);
    await second.ready();
    expect(await pidInFile(dataDir)).toBe(second.pid);

    const api2 = client(second.baseUrl);
    const missing: Acknowledged[] = [];
    for (let i = 0; i < acknowledged.length; i += 16) {
      await Promise.all(
        acknowledged.slice(i, i + 16).map(async (ack) => {
          const listed = await api2.get(`${store}/users/${ack.userId}/passkeys`);
          const ids =
            listed.status === 200 ? listed.body.items.map((p: { id: string }) => p.id) : [];
          if (!ids.includes(ack.passkeyId)) missing.push(ack);
        }),
      );
    }
    expect(missing).toEqual([]);
    const lostStarts: string[] = [];
    for (let i = 0; i < startsAcknowledged.length; i += 16) {
      await Promise.all(
        startsAcknowledged.slice(i, i + 16).map(async (sessionId) => {
          if ((await api2.get(sessionUrl(sessionId))).status !== 200) lostStarts.push(sessionId);
        }),
      );
    }
    expect(startsAcknowledged.length).toBeGreaterThan(acknowledged.length - 1);
    expect(lostStarts).toEqual([]);
    expect(storesAcknowledged.length).toBeGreaterThan(0);
    const stores = await api2.get('/api/identity-store/stores');
    const storeNames = stores.body.items.map((s: { name: string }) => s.name);
    expect(storesAcknowledged.filter((name) => !storeNames.includes(name))).toEqual([]);
    console.info(
      `kill -9 with ${inFlightAtKill} registrations in flight; ${acknowledged.length} passkeys and ` +
        `${storesAcknowledged.length} stores acknowledged, all kept`,
    );

    // A graceful stop after the restart leaves a database that passes an integrity check.
    const stopped = await second.kill('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(existsSync(join(dataDir, 'keyform.pid'))).toBe(false);
    const db = new Database(join(dataDir, 'records.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const credentialIds = new Set(
        (
          db.prepare('select credential_id from passkeys').all() as Array<{ credential_id: string }>
        ).map((row) => row.credential_id),
      );
      expect(acknowledged.filter((a) => !credentialIds.has(a.credentialId))).toEqual([]);
    } finally {
      db.close();
    }
  }, 45_000);

  it('refuses to start a second server on a data directory a live server holds', async () => {
    const dataDir = await newDataDir();
    const owner = launch(dataDir, await freePort());
    await owner.ready();

    const intruder = startServer({ dataDir, port: await freePort(), adminToken });
    servers.push(intruder);
    const exit = await Promise.race([
      intruder.exited,
      new Promise<never>((_, fail) =>
        setTimeout(
          () => fail(new Error(`second server did not exit: ${intruder.stderr()}`)),
          15_000,
        ),
      ),
    ]);
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    expect(intruder.stderr()).toMatch(/cannot start: data directory .+ is in use by process \d+/);
    expect(intruder.stderr()).toContain(`process ${owner.pid}`);
    expect(intruder.stderr()).toContain(dataDir);

    // The owner is untouched: still the lock holder, still serving.
    expect(await pidInFile(dataDir)).toBe(owner.pid);
    const health = await fetch(`${owner.baseUrl}/health`, { signal: AbortSignal.timeout(5_000) });
    expect(health.status).toBe(200);
  }, 30_000);
});
