import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
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

/**
 * A small JSON document on lowdb; updates are serialised so none is lost to a race. What is read
 * must pass `schema`, or the start stops naming the file, the record and the field. A missing
 * file reads as `defaults`; with `create` they are also written at once, so that from then on
 * the file missing means it was lost (openStorage decides which files may be created).
 */
export async function openDocument<T>({
  file,
  schema,
  defaults,
  create = false,
}: {
  file: string;
  /** Matches `T`: storage/DefinitionSchemas.ts checks that at compile time. */
  schema: TSchema;
  defaults: T;
  create?: boolean;
}) {
  await removeStaleTempFiles(file);
  const adapter = new DurableJsonFile<T>(file);
  const db = new Low<T>(adapter, structuredClone(defaults));
  await db.read();
  checkSchema(file, schema, db.data);
  if (create && !existsSync(file)) {
    try {
      await adapter.write(db.data);
    } catch (error) {
      throw new StorageError('STORAGE_UNAVAILABLE', `cannot write ${file}`, { cause: error });
    }
  }
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

/**
 * Refuse what fails the schema, naming the first bad record (`versions[3]`, with the fields that
 * identify it) and its field, e.g. `versions[3] (name 'signup', version 2): /version must be
 * integer`.
 */
function checkSchema(file: string, schema: TSchema, data: unknown) {
  const errors = [...Compile(schema).Errors(data)];
  const first = errors[0];
  if (!first) return;
  const [collection, index, ...field] = first.instancePath.split('/').slice(1);
  const inRecord = collection !== undefined && index !== undefined;
  const record = inRecord ? recordOf(data, collection, Number(index)) : 'document';
  const where = inRecord ? field.map((f) => `/${f}`).join('') : first.instancePath || '/';
  const problems = errors
    .filter((e) => e.instancePath === first.instancePath && e.keyword !== 'anyOf')
    .map((e) => e.message);
  throw new StorageError(
    'STORAGE_CORRUPT',
    `${file} has a malformed ${record}: ${where ? `${where} ` : ''}${[...new Set(problems)].join(' or ')}; fix or remove it, or restore the file from a backup (Keyform will not overwrite it)`,
  );
}

/** `tokens[2] (id 'tok_1')`: the record's place and whatever identifies it. */
function recordOf(data: unknown, collection: string, index: number) {
  const item = (data as Record<string, unknown[]>)[collection]?.[index] as
    | Record<string, unknown>
    | undefined;
  const names = ['id', 'tenantId', 'name', 'version', 'rpId', 'storeName']
    .filter((key) => ['string', 'number'].includes(typeof item?.[key]))
    .map((key) => `${key} ${JSON.stringify(item?.[key])}`);
  return `record ${collection}[${index}]${names.length > 0 ? ` (${names.join(', ')})` : ''}`;
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
