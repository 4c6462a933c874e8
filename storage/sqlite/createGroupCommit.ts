import { close, fdatasync, open } from 'node:fs';
import { StorageError } from '../StorageError';
import { createSharedPromise, type SharedPromise } from './createSharedPromise';

export type Sync = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;

/**
 * Group commit for SQLite in WAL mode with `synchronous = NORMAL`. There a COMMIT appends its
 * frames to the WAL (the OS holds them, so they outlive a `kill -9`) without waiting for the disk.
 * `synced()` resolves once every COMMIT noted before the call is on disk: one fdatasync of the
 * WAL covers every commit made before it started, and it runs off the event loop, so the event
 * loop never waits for the disk. That is SQLite's FULL guarantee — NORMAL plus a WAL sync after
 * each commit (https://www.sqlite.org/pragma.html#pragma_synchronous) — paid once per group of
 * commits instead of once per commit, with the acknowledgement held until it is paid.
 */
export function createGroupCommit({ walFile, sync = fdatasync }: { walFile: string; sync?: Sync }) {
  /** COMMITs noted (after they ran), and how many of them are on disk. */
  let written = 0;
  let synced = 0;
  let fd: number | undefined;
  // Final: once fsync failed, Linux may have dropped the dirty pages, so a later successful sync
  // would prove nothing about them (the "fsyncgate" lesson). Restart to recover.
  let failure: StorageError | undefined;
  /**
   * Everybody waiting shares one promise per sync: the running one covers what was written
   * before it began; whoever needs more waits for `next`, which starts when it ends.
   */
  let running: (SharedPromise & { upTo: number }) | undefined;
  let next: SharedPromise | undefined;

  const finish = (upTo: number, error: NodeJS.ErrnoException | null) => {
    const done = running!;
    running = undefined;
    if (error) {
      failure = new StorageError('STORAGE_UNAVAILABLE', `record database: sync failed`, {
        cause: error,
      });
      done.reject(failure);
      next?.reject(failure);
      next = undefined;
      return;
    }
    synced = upTo;
    done.resolve();
    if (next) {
      const group = next;
      next = undefined;
      start(group);
    }
  };
  function start(group: SharedPromise) {
    // Everything noted so far has already reached the OS: statements run synchronously.
    const upTo = written;
    running = Object.assign(group, { upTo });
    const run = (descriptor: number) => sync(descriptor, (error) => finish(upTo, error));
    if (fd !== undefined) return run(fd);
    open(walFile, 'r+', (error, opened) => {
      if (error) return finish(upTo, error);
      fd = opened;
      run(opened);
    });
  }

  /** Resolves once every COMMIT noted before this call is on disk; rejects with a 503. */
  const whenSynced = (): Promise<void> => {
    if (failure) return Promise.reject(failure);
    if (synced >= written) return Promise.resolve();
    if (running && running.upTo >= written) return running.promise;
    if (running) {
      next ??= createSharedPromise();
      return next.promise;
    }
    const group = createSharedPromise();
    start(group);
    return group.promise;
  };

  return {
    /** Note a COMMIT (a write batch's); call it after it ran. */
    noteCommit: () => {
      written++;
    },
    synced: whenSynced,
    /** Syncs what is left, then releases the WAL's file descriptor. */
    close: async () => {
      await whenSynced().catch(() => undefined);
      if (fd !== undefined) await new Promise((done) => close(fd!, done));
      fd = undefined;
    },
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;
