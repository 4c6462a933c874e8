import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeExpiredSessions } from '../../identity/purgeExpiredSessions';
import { openStorage, type Storage } from '../../storage/openStorage';
import type { RegistrationSessionRecord } from '../../storage/RegistrationSessionRecord';

let dir: string;
let storage: Storage;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyform-purge-'));
  storage = await openStorage({ dataDir: dir, synchronous: 'NORMAL' });
});
afterEach(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

const now = Date.parse('2026-01-01T12:00:00Z');
const hour = 3_600_000;

function session(id: string, expiresAt: number, tenantId = 'default'): RegistrationSessionRecord {
  return {
    id,
    tenantId,
    storeName: 'default',
    rpId: 'localhost',
    policyName: 'default',
    userId: 'u1',
    newUser: null,
    userHandle: 'aGFuZGxl',
    challenge: `challenge-${id}`,
    clientRequest: {
      rp: { name: 'x', id: 'localhost' },
      user: { id: 'aGFuZGxl', name: 'u', displayName: 'u' },
      challenge: `challenge-${id}`,
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    },
    state: 'PENDING',
    attempts: 0,
    expiresAt,
    createdAt: new Date(expiresAt - 300_000).toISOString(),
    updatedAt: new Date(expiresAt - 300_000).toISOString(),
    responseHash: null,
    result: null,
    failureCode: null,
  };
}

describe('purgeExpiredSessions', () => {
  it('deletes only sessions that expired longer ago than the grace, in every tenant and state', async () => {
    const sessions = [
      session('long-gone', now - 2 * hour),
      session('long-gone-other-tenant', now - 2 * hour, 'acme'),
      { ...session('long-gone-completed', now - 3 * hour), state: 'COMPLETED' as const },
      session('just-past-grace', now - hour - 1),
      session('exactly-at-grace', now - hour),
      session('within-grace', now - 10 * 60_000),
      session('live', now + 60_000),
    ];
    for (const s of sessions) await storage.records.sessions.insert(s);

    const purged = await purgeExpiredSessions({ records: storage.records, now: () => now });
    expect(purged).toBe(4);
    const left = storage.sqlite
      .prepare('select id from registration_sessions order by id')
      .all()
      .map((row) => (row as { id: string }).id);
    expect(left).toEqual(['exactly-at-grace', 'live', 'within-grace']);
    // Within the grace a late client still gets a clear answer from the stored session.
    expect(
      await storage.records.sessions.find({ tenantId: 'default', id: 'within-grace' }),
    ).toMatchObject({
      state: 'PENDING',
    });
  });

  it('honours a custom grace and is a no-op when nothing is due', async () => {
    await storage.records.sessions.insert(session('a', now - 5 * 60_000));
    await storage.records.sessions.insert(session('b', now - 60_000));
    expect(
      await purgeExpiredSessions(
        { records: storage.records, now: () => now },
        { graceMs: 120_000 },
      ),
    ).toBe(1);
    expect(
      await purgeExpiredSessions(
        { records: storage.records, now: () => now },
        { graceMs: 120_000 },
      ),
    ).toBe(0);
    expect(await storage.records.sessions.find({ tenantId: 'default', id: 'b' })).toBeDefined();
  });
});
