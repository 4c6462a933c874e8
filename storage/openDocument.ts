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
  const db = new Low<T>(new DurableJsonFile<T>(file), structuredClone(defaults));
  await db.read();
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
