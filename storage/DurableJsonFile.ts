import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { StorageError } from './StorageError';
import { writeFileDurably } from './writeFileDurably';

/** lowdb adapter whose writes survive `kill -9` and whose reads refuse a corrupt file. */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly #file: string;

  constructor(file: string) {
    this.#file = file;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StorageError('STORAGE_UNAVAILABLE', `cannot read ${this.#file}`, { cause: error });
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      // Never fall back to defaults here: the next write would overwrite the operator's data.
      throw corrupt(this.#file, 'is not valid JSON', error);
    }
    // lowdb takes a falsy value (`null`, `0`, `""`) as "no file" and would write defaults over it.
    if (typeof data !== 'object' || data === null) {
      throw corrupt(
        this.#file,
        `holds ${data === null ? 'null' : `a ${typeof data}`}, not a JSON object`,
      );
    }
    return data as T;
  }

  async write(data: T): Promise<void> {
    await writeFileDurably({ file: this.#file, contents: `${JSON.stringify(data, null, 2)}\n` });
  }
}

function corrupt(file: string, problem: string, cause?: unknown) {
  return new StorageError(
    'STORAGE_CORRUPT',
    `${file} ${problem}; restore it from a backup or move it away (Keyform will not overwrite it)`,
    { cause },
  );
}
