import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDirectory } from '../../storage/lockDataDirectory';
import { StorageError } from '../../storage/StorageError';

let dir: string;
let pidFile: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyform-lock-'));
  pidFile = join(dir, 'keyform.pid');
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** A real, live process other than this one. */
function spawnSleeper() {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  children.push(child);
  if (child.pid === undefined) throw new Error('could not spawn sleep');
  return child as ChildProcess & { pid: number };
}

/** The pid of a process that existed and is now dead (and reaped). */
async function deadPid() {
  const child = spawnSleeper();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return child.pid;
}

describe('lockDataDirectory', () => {
  it('writes a pid file with the owner and removes it on release', async () => {
    const lock = lockDataDirectory({ dir });
    expect((await readFile(pidFile, 'utf8')).trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(pidFile)).toBe(false);
  });

  it('refuses a data directory held by another live process, naming the pid', async () => {
    const owner = spawnSleeper();
    await writeFile(pidFile, `${owner.pid}\n`);

    let error: unknown;
    try {
      lockDataDirectory({ dir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('DATA_DIRECTORY_LOCKED');
    expect((error as StorageError).message).toContain(`process ${owner.pid}`);
    expect((error as StorageError).message).toContain(dir);
    // The live owner's pid file is left alone.
    expect((await readFile(pidFile, 'utf8')).trim()).toBe(String(owner.pid));
  });

  it('refuses a second lock taken on behalf of another live process', () => {
    const owner = spawnSleeper();
    const lock = lockDataDirectory({ dir, pid: owner.pid });
    expect(() => lockDataDirectory({ dir })).toThrow(/in use by process/);
    lock.release();
  });

  it('takes over the pid file of a dead process (a restart right after kill -9)', async () => {
    const dead = await deadPid();
    await writeFile(pidFile, `${dead}\n`);

    const lock = lockDataDirectory({ dir });
    expect((await readFile(pidFile, 'utf8')).trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(pidFile)).toBe(false);
  });

  it('takes over a torn pid file (a crash between create and write)', async () => {
    await writeFile(pidFile, '');
    const lock = lockDataDirectory({ dir });
    expect((await readFile(pidFile, 'utf8')).trim()).toBe(String(process.pid));
    lock.release();
  });

  it('does not remove a pid file that another process owns by now', async () => {
    const lock = lockDataDirectory({ dir });
    const other = spawnSleeper();
    await writeFile(pidFile, `${other.pid}\n`);
    lock.release();
    expect((await readFile(pidFile, 'utf8')).trim()).toBe(String(other.pid));
  });
});
