import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Static, Type } from 'typebox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDocument } from '../../storage/openDocument';
import { StorageError } from '../../storage/StorageError';

const schema = Type.Object({ items: Type.Array(Type.Number()), name: Type.String() });
type Doc = Static<typeof schema>;
const defaults: Doc = { items: [], name: 'start' };

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyform-doc-'));
  file = join(dir, 'doc.json');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const onDisk = async () => JSON.parse(await readFile(file, 'utf8')) as Doc;

describe('openDocument', () => {
  it('starts from the defaults without writing, and an update is durable across a reopen', async () => {
    const doc = await openDocument<Doc>({ file, schema, defaults });
    expect(doc.read()).toEqual(defaults);
    expect(existsSync(file)).toBe(false);

    const result = await doc.update((draft) => {
      draft.items.push(1);
      draft.name = 'one';
      return 'done';
    });
    expect(result).toBe('done');
    expect(doc.read()).toEqual({ items: [1], name: 'one' });
    expect(await onDisk()).toEqual({ items: [1], name: 'one' });

    const reopened = await openDocument<Doc>({ file, schema, defaults });
    expect(reopened.read()).toEqual({ items: [1], name: 'one' });
  });

  it('never lets the caller mutate the defaults it was given', async () => {
    const doc = await openDocument<Doc>({ file, schema, defaults });
    await doc.update((draft) => draft.items.push(7));
    expect(defaults).toEqual({ items: [], name: 'start' });
  });

  it('serialises concurrent updates so that every one of them lands', async () => {
    const doc = await openDocument<Doc>({ file, schema, defaults });
    const count = 50;
    const results = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        doc.update((draft) => {
          draft.items.push(i);
          return draft.items.length;
        }),
      ),
    );
    // Each change saw the previous one: lengths 1..50, in order.
    expect(results).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    const expected = Array.from({ length: count }, (_, i) => i);
    expect(doc.read().items).toEqual(expected);
    expect((await onDisk()).items).toEqual(expected);
    expect((await openDocument<Doc>({ file, schema, defaults })).read().items).toEqual(expected);
  });

  it('leaves memory and disk unchanged when the change throws', async () => {
    const doc = await openDocument<Doc>({ file, schema, defaults });
    await doc.update((draft) => draft.items.push(1));
    const before = await readFile(file);

    const failing = doc.update((draft) => {
      draft.items.push(2);
      draft.name = 'half-done';
      throw new Error('refused');
    });
    await expect(failing).rejects.toThrow('refused');
    expect(doc.read()).toEqual({ items: [1], name: 'start' });
    expect(await readFile(file)).toEqual(before);

    // The queue is not poisoned by a failed change.
    await doc.update((draft) => draft.items.push(3));
    expect(doc.read().items).toEqual([1, 3]);
  });

  it('rejects with STORAGE_UNAVAILABLE when the write really fails, and memory stays as committed', async () => {
    const doc = await openDocument<Doc>({ file, schema, defaults });
    await doc.update((draft) => draft.items.push(1));
    // Without its directory the temp file cannot be created: a real failed write.
    await rm(dir, { recursive: true, force: true });

    const error = await doc.update((draft) => draft.items.push(2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('STORAGE_UNAVAILABLE');
    expect(doc.read()).toEqual({ items: [1], name: 'start' });

    // Once the disk is back, the next update commits on top of the last committed state.
    await mkdir(dir);
    await doc.update((draft) => draft.items.push(3));
    expect(await onDisk()).toEqual({ items: [1, 3], name: 'start' });
  });

  it.each([
    ['truncated JSON', '{"items": [1, 2'],
    ['an empty file', ''],
    ['binary garbage', '\u0000\u0001\u0002not json'],
    ['JSON null', 'null\n'],
    ['a JSON number', '0'],
    ['an object without the collections', '{}'],
    ['a list where an object is expected', '[]'],
    ['a collection of the wrong kind', '{"items": {}, "name": "x"}'],
  ])('refuses %s with STORAGE_CORRUPT and leaves the bytes alone', async (_label, contents) => {
    await writeFile(file, contents);
    const error = await openDocument<Doc>({ file, schema, defaults }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('STORAGE_CORRUPT');
    expect((error as StorageError).message).toContain(file);
    expect(await readFile(file, 'utf8')).toBe(contents);
  });

  it('removes a temp file a crash left between write and rename', async () => {
    await writeFile(file, JSON.stringify({ items: [7], name: 'kept' }));
    await writeFile(join(dir, '.doc.json.abc123.tmp'), '{"items": [');
    const doc = await openDocument<Doc>({ file, schema, defaults });
    expect(doc.read()).toEqual({ items: [7], name: 'kept' });
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('leaves no temp file behind after successful writes', async () => {
    const doc = await openDocument<Doc>({ file, schema, defaults });
    for (let i = 0; i < 5; i++) await doc.update((draft) => draft.items.push(i));
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('leaves no temp file behind when the rename fails, and memory stays as committed', async () => {
    const doc = await openDocument<Doc>({ file, schema, defaults });
    // A directory where the file should be: the temp file is written, then rename() fails.
    await mkdir(file);
    const error = await doc.update((draft) => draft.items.push(1)).catch((e: unknown) => e);
    expect((error as StorageError).code).toBe('STORAGE_UNAVAILABLE');
    expect(doc.read()).toEqual(defaults);
    expect(await readdir(dir)).toEqual(['doc.json']);
  });
});
