import { Worker } from 'node:worker_threads';
import type { Sync } from './createGroupCommit';

/**
 * fdatasync on a thread of its own. On libuv's shared pool a sync queues behind whatever else is
 * there, and under load that is WebCrypto's signature checks (SimpleWebAuthn verifies through
 * crypto.subtle, which runs on the same pool): every acknowledgement of a group then waits for
 * them all. A file descriptor is the process's, so the worker syncs the main thread's own.
 */
export function startSyncThread() {
  const worker = new Worker(
    `
    const { parentPort } = require('node:worker_threads');
    const { fdatasyncSync } = require('node:fs');
    parentPort.on('message', ({ id, fd }) => {
      if (fd === undefined) return parentPort.close();
      try {
        fdatasyncSync(fd);
        parentPort.postMessage({ id });
      } catch (error) {
        parentPort.postMessage({ id, code: error.code, message: error.message });
      }
    });
    `,
    { eval: true },
  );
  let next = 0;
  const pending = new Map<number, Parameters<Sync>[1]>();
  const failAll = (error: NodeJS.ErrnoException) => {
    for (const done of pending.values()) done(error);
    pending.clear();
  };
  let dead: NodeJS.ErrnoException | undefined;
  worker.on('message', ({ id, code, message }: { id: number; code?: string; message?: string }) => {
    const done = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    done?.(code === undefined ? null : Object.assign(new Error(message), { code }));
  });
  const die = (cause: unknown) => {
    dead = Object.assign(new Error(`sync thread ended: ${String(cause)}`), { code: 'EIO' });
    failAll(dead);
  };
  worker.on('error', die);
  worker.on('exit', (code) => die(`exit ${code}`));
  worker.unref();

  const sync: Sync = (fd, done) => {
    if (dead) return done(dead);
    const id = next++;
    pending.set(id, done);
    // Referenced while a sync is under way, so the process waits for it.
    worker.ref();
    worker.postMessage({ id, fd });
  };
  return {
    sync,
    stop: async () => {
      if (dead) return;
      const exited = new Promise((ended) => worker.once('exit', ended));
      worker.ref();
      worker.postMessage({});
      await exited;
    },
  };
}
