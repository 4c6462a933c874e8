import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSyncThread } from '../../../storage/sqlite/startSyncThread';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyform-sync-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const syncOf = (sync: ReturnType<typeof startSyncThread>['sync'], fd: number) =>
  new Promise<NodeJS.ErrnoException | null>((done) => sync(fd, done));

describe('startSyncThread', () => {
  it("syncs the main thread's file descriptors, and says so for each call", async () => {
    const thread = startSyncThread();
    const fd = openSync(join(dir, 'wal'), 'w');
    writeSync(fd, 'frames');
    const results = await Promise.all([syncOf(thread.sync, fd), syncOf(thread.sync, fd)]);
    expect(results).toEqual([null, null]);
    closeSync(fd);
    await thread.stop();
  });

  it("hands the OS's error back (a sync that fails is not an acknowledgement)", async () => {
    const thread = startSyncThread();
    const error = await syncOf(thread.sync, 987_654);
    expect(error?.code).toBe('EBADF');
    await thread.stop();
  });

  it('fails every later sync once stopped, instead of waiting forever', async () => {
    const thread = startSyncThread();
    await thread.stop();
    const fd = openSync(join(dir, 'wal'), 'w');
    expect((await syncOf(thread.sync, fd))?.code).toBe('EIO');
    closeSync(fd);
  });
});
