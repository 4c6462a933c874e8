import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StorageError } from './StorageError';

/**
 * One live process per data directory (DESIGN §9). A PID file whose owner is dead counts as
 * gone, so a restart right after `kill -9` works; a live owner makes this start refuse.
 */
export function lockDataDirectory({ dir, pid = process.pid }: { dir: string; pid?: number }) {
  const file = join(dir, 'keyform.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${pid}\n`, { flag: 'wx', mode: 0o600 });
      return { release: () => releaseIfOwned(file, pid) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (Number.isInteger(owner) && owner !== pid && isAlive(owner)) {
      throw new StorageError(
        'DATA_DIRECTORY_LOCKED',
        `data directory ${dir} is in use by process ${owner}; stop it or choose another KEYFORM_DATA_DIR`,
      );
    }
    rmSync(file, { force: true });
  }
  throw new StorageError('DATA_DIRECTORY_LOCKED', `could not lock data directory ${dir}`);
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfOwned(file: string, pid: number) {
  try {
    if (Number.parseInt(readFileSync(file, 'utf8'), 10) === pid) rmSync(file, { force: true });
  } catch {
    // Already gone: nothing to release.
  }
}
