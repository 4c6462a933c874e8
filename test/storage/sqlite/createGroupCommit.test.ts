import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../../storage/StorageError';
import { createGroupCommit, type Sync } from '../../../storage/sqlite/createGroupCommit';
import { openRecordDatabase } from '../../../storage/sqlite/openRecordDatabase';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyform-commit-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** A sync the test finishes by hand, one call at a time. */
function manualSync() {
  const calls: Array<(error: NodeJS.ErrnoException | null) => void> = [];
  const sync: Sync = (_fd, done) => {
    calls.push(done);
  };
  return { sync, calls };
}

const settled = async (promise: Promise<unknown>) => {
  let state = 'pending';
  promise.then(
    () => {
      state = 'resolved';
    },
    () => {
      state = 'rejected';
    },
  );
  // The WAL is opened on the thread pool before the first sync: give that time to happen.
  await new Promise((r) => setTimeout(r, 25));
  return state;
};

describe('createGroupCommit', () => {
  let walFile: string;
  beforeEach(async () => {
    walFile = join(dir, 'records.sqlite-wal');
    await writeFile(walFile, '');
  });

  it('answers at once, without a sync, when nothing was written', async () => {
    const { sync, calls } = manualSync();
    const commits = createGroupCommit({ walFile, sync });
    expect(await settled(commits.synced())).toBe('resolved');
    expect(calls).toHaveLength(0);
  });

  it('holds the acknowledgement until the sync after the write has finished', async () => {
    const { sync, calls } = manualSync();
    const commits = createGroupCommit({ walFile, sync });
    commits.noteCommit();
    const durable = commits.synced();
    expect(await settled(durable)).toBe('pending');
    expect(calls).toHaveLength(1);
    calls[0]!(null);
    expect(await settled(durable)).toBe('resolved');
  });

  it('groups: one sync serves every write made before it began; later ones wait for the next', async () => {
    const { sync, calls } = manualSync();
    const commits = createGroupCommit({ walFile, sync });
    commits.noteCommit();
    commits.noteCommit();
    const first = [commits.synced(), commits.synced()];
    expect(await settled(first[0]!)).toBe('pending');
    expect(calls).toHaveLength(1);
    commits.noteCommit(); // reaches the OS while the first sync runs: that sync may miss it
    const second = commits.synced();
    calls[0]!(null);
    expect(await settled(Promise.all(first))).toBe('resolved');
    expect(await settled(second)).toBe('pending');
    expect(calls).toHaveLength(2);
    calls[1]!(null);
    expect(await settled(second)).toBe('resolved');
  });

  it('fails every waiter with STORAGE_UNAVAILABLE when a sync fails, and stays failed', async () => {
    const { sync, calls } = manualSync();
    const commits = createGroupCommit({ walFile, sync });
    commits.noteCommit();
    const waiting = commits.synced();
    expect(await settled(waiting)).toBe('pending');
    calls[0]!(Object.assign(new Error('EIO'), { code: 'EIO' }));
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('STORAGE_UNAVAILABLE');
    // After a failed fsync the kernel may have dropped the pages: a later sync proves nothing.
    commits.noteCommit();
    await expect(commits.synced()).rejects.toBeInstanceOf(StorageError);
    expect(calls).toHaveLength(1);
  });
});

describe('openRecordDatabase acknowledges a write only after its batch committed and a sync began after that', () => {
  it('holds a response asked for while a batch is open until that COMMIT, then a sync after it', async () => {
    const { sync, calls } = manualSync();
    const opening = openRecordDatabase({ file: join(dir, 'records.sqlite'), sync });
    // The migrations are on disk before the database is handed out.
    while (calls.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(await settled(opening)).toBe('pending');
    for (const done of calls.splice(0)) done(null);
    const { db, durability, close } = await opening;
    const durable = () => durability.reached(durability.begin(), 'durable');

    let other: Promise<void> | undefined;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('user_handles')
        .values({ tenant_id: 't', user_id: 'u', rp_id: 'r', user_handle: 'h' })
        .execute();
      // Another request acknowledges between the INSERT and the COMMIT: it waits for the COMMIT,
      // and no sync starts while the batch is still open.
      other = durable();
      expect(await settled(other)).toBe('pending');
      expect(calls).toHaveLength(0);
    });
    const mine = durable();
    expect(await settled(mine)).toBe('pending');
    // The batch committed once the transaction let go; the sync that covers it began after.
    expect(calls).toHaveLength(1);
    calls[0]!(null);
    expect(await settled(other!)).toBe('resolved');
    expect(await settled(mine)).toBe('resolved');
    await close();
  });
});
