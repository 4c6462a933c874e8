import { close, fdatasync, open } from 'node:fs';
import { StorageError } from './StorageError';

export type Sync = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;

/**
 * Group commit for SQLite in WAL mode with `synchronous = NORMAL`. There a COMMIT appends its
 * frames to the WAL (the OS holds them, so they outlive a `kill -9`) without waiting for the disk.
 * `durable()` resolves once everything written before the call is on disk: one fdatasync of the
 * WAL covers every commit made before it started, and it runs on libuv's thread pool, so the
 * event loop never waits for the disk. That is SQLite's FULL guarantee — NORMAL plus a WAL sync
 * after each commit (https://www.sqlite.org/pragma.html#pragma_synchronous) — paid once per group
 * of commits instead of once per commit, with the acknowledgement held until it is paid.
 */
export function createGroupCommit({ walFile, sync = fdatasync }: { walFile: string; sync?: Sync }) {
  /** Statements run that may have written (counted after they ran), and how many are on disk. */
  let written = 0;
  let synced = 0;
  let syncing = false;
  let fd: number | undefined;
  // Final: once fsync failed, Linux may have dropped the dirty pages, so a later successful sync
  // would prove nothing about them (the "fsyncgate" lesson). Restart to recover.
  let failure: StorageError | undefined;
  const waiting: Array<{ upTo: number; resolve: () => void; reject: (error: Error) => void }> = [];

  const fail = (cause: unknown) => {
    failure = new StorageError('STORAGE_UNAVAILABLE', `record database: sync failed`, { cause });
    for (const waiter of waiting.splice(0)) waiter.reject(failure);
  };
  const finish = (upTo: number) => {
    synced = upTo;
    // Waiters joined in the order of `written`, which only grows: the covered ones come first.
    const covered = waiting.findIndex((waiter) => waiter.upTo > synced);
    for (const waiter of waiting.splice(0, covered === -1 ? waiting.length : covered)) {
      waiter.resolve();
    }
    if (waiting.length > 0) start();
  };
  function start() {
    syncing = true;
    // Everything counted so far has already reached the OS: statements run synchronously.
    const upTo = written;
    const run = (descriptor: number) =>
      sync(descriptor, (error) => {
        syncing = false;
        if (error) fail(error);
        else finish(upTo);
      });
    if (fd !== undefined) return run(fd);
    open(walFile, 'r+', (error, opened) => {
      if (error) {
        syncing = false;
        return fail(error);
      }
      fd = opened;
      run(opened);
    });
  }

  /** Resolves once every write counted before this call is on disk; rejects with a 503. */
  const durable = (): Promise<void> => {
    if (failure) return Promise.reject(failure);
    if (synced >= written) return Promise.resolve();
    return new Promise((resolve, reject) => {
      waiting.push({ upTo: written, resolve, reject });
      if (!syncing) start();
    });
  };

  return {
    /** Count a COMMIT (a write batch's); call it after it ran. */
    wrote: () => {
      written++;
    },
    durable,
    /** Syncs what is left, then releases the WAL's file descriptor. */
    close: async () => {
      await durable().catch(() => undefined);
      if (fd !== undefined) await new Promise((done) => close(fd!, done));
      fd = undefined;
    },
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;
