import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { StorageError } from './StorageError';
import { writeFileDurably } from './writeFileDurably';

export interface BlobStore {
  /** Store `bytes` once under their sha256 (hex) and return it; the same content is kept once. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under `sha256`, or undefined when there are none. */
  get(sha256: string): Promise<Buffer | undefined>;
}

const hexSha256 = /^[0-9a-f]{64}$/;

/**
 * Content-addressed files in `dir` (page bundle files, DESIGN §9): the name is the sha256 of
 * the content, so a blob never changes once written and identical files are stored once.
 */
export function createBlobStore({ dir }: { dir: string }): BlobStore {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const fileOf = (sha256: string) => {
    // Names come from our own records, but a path built from anything else must not escape `dir`.
    if (!hexSha256.test(sha256)) throw new Error(`not a sha256: '${sha256.slice(0, 80)}'`);
    return join(dir, sha256);
  };
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = fileOf(sha256);
      const present = await stat(file).then(
        (s) => s.size === bytes.length,
        () => false,
      );
      if (present) return sha256;
      try {
        await writeFileDurably({ file, contents: bytes });
      } catch (error) {
        throw new StorageError('STORAGE_UNAVAILABLE', `cannot write blob ${sha256}`, {
          cause: error,
        });
      }
      return sha256;
    },
    async get(sha256) {
      let bytes: Buffer;
      try {
        bytes = await readFile(fileOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new StorageError('STORAGE_UNAVAILABLE', `cannot read blob ${sha256}`, {
          cause: error,
        });
      }
      // A blob is its hash: anything else is a damaged disk, never content to serve.
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
        throw new StorageError('STORAGE_CORRUPT', `blob ${sha256} does not match its hash`);
      }
      return bytes;
    },
  };
}
