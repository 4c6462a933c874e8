import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from './DurableJsonFile';
import { StorageError } from './StorageError';

export interface Document<T> {
  /** The committed state. Treat as read-only: change it only through `update`. */
  read(): Readonly<T>;
  /**
   * Apply `change` to a copy and commit it to disk; memory takes the copy only after the
   * write succeeded, so a failed write (503) leaves memory equal to disk.
   */
  update<R>(change: (draft: T) => R): Promise<R>;
}

/** A small JSON document on lowdb; updates are serialised so none is lost to a race. */
export async function openDocument<T>({ file, defaults }: { file: string; defaults: T }) {
  await removeStaleTempFiles(file);
  const db = new Low<T>(new DurableJsonFile<T>(file), structuredClone(defaults));
  await db.read();
  checkShape(file, db.data, defaults);
  let queue: Promise<unknown> = Promise.resolve();

  const update = <R>(change: (draft: T) => R): Promise<R> => {
    const run = async () => {
      const draft = structuredClone(db.data);
      const result = change(draft);
      try {
        await db.adapter.write(draft);
      } catch (error) {
        if (error instanceof StorageError) throw error;
        throw new StorageError('STORAGE_UNAVAILABLE', `cannot write ${file}`, { cause: error });
      }
      db.data = draft;
      return result;
    };
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const document: Document<T> = { read: () => db.data, update };
  return document;
}

/** Every top-level collection of `defaults` must be there with the same kind of value. */
function checkShape<T>(file: string, data: T, defaults: T) {
  for (const [key, expected] of Object.entries(defaults as object)) {
    const actual = (data as Record<string, unknown>)[key];
    if (Array.isArray(expected) !== Array.isArray(actual) || typeof actual !== typeof expected) {
      throw new StorageError(
        'STORAGE_CORRUPT',
        `${file} has no '${key}' ${Array.isArray(expected) ? 'list' : typeof expected}; restore it from a backup or move it away (Keyform will not overwrite it)`,
      );
    }
  }
}

/** A crash between writing a temp file and renaming it leaves the temp file: never read, so drop it. */
async function removeStaleTempFiles(file: string) {
  const prefix = `.${basename(file)}.`;
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
      .map((name) => rm(join(dirname(file), name), { force: true })),
  );
}
