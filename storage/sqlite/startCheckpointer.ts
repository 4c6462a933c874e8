import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Copies committed WAL frames into the database file and syncs it from a worker thread with its
 * own connection, so the event loop does not wait for that: SQLite's automatic checkpoint runs
 * inside a COMMIT on the main thread, and on a large store the pages it writes are scattered
 * (the cost grows with the store; bench/README.md). PASSIVE never waits for, nor blocks,
 * the writer. The writer's own automatic checkpoint stays on: it then finds nearly every frame
 * copied and synced, does the little rest, and lets the WAL start over (which only a checkpoint
 * between two writes can do). If the worker dies, that checkpoint simply does it all again.
 */
export function startCheckpointer({
  file,
  intervalMs = 50,
}: {
  file: string;
  intervalMs?: number;
}) {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driver);
    const db = new Database(workerData.file, { timeout: 0 });
    let timer;
    const pass = () => {
      try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
      timer = setTimeout(pass, workerData.intervalMs);
    };
    pass();
    parentPort.once('message', () => { clearTimeout(timer); db.close(); parentPort.close(); });
    `,
    { eval: true, workerData: { file, driver, intervalMs } },
  );
  let running = true;
  const exited = new Promise<void>((done) =>
    worker.once('exit', () => {
      running = false;
      done();
    }),
  );
  // A worker that failed to start or crashed only costs the main thread the whole checkpoint.
  worker.on('error', () => undefined);
  worker.unref();
  return {
    stop: async () => {
      if (running) {
        worker.ref(); // or the process could end before the worker has closed its connection
        worker.postMessage('stop');
      }
      await exited;
    },
  };
}
