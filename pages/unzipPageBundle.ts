import { Unzip, UnzipInflate } from 'fflate';
import { PageError } from './PageError';
import { type PageBundleLimits, pageBundleLimits } from './pageBundleLimits';
import type { PageFileInput } from './validatePageBundle';

/**
 * Compressed bytes fed per step. Deflate expands at most ~1032:1, so no single inflated chunk
 * exceeds ~1 MiB before the caps below get to look at it (a zip bomb is stopped in flight).
 */
const FEED_BYTES = 1024;

export type UnzipPageBundleResult =
  | { ok: true; files: PageFileInput[] }
  | { ok: false; error: PageError };

class Stop extends Error {
  constructor(readonly error: PageError) {
    super(error.message);
  }
}

/**
 * Reads a zip archive into bundle files with fflate's streaming inflater, counting what comes
 * out instead of trusting the sizes the archive declares: too many entries, a file or the
 * whole over its cap, stops the unzip at once. Names are returned as stored, for
 * validatePageBundle to judge; nothing is ever written to disk by name.
 */
export function unzipPageBundle({
  zip,
  limits = pageBundleLimits,
}: {
  zip: Uint8Array;
  limits?: PageBundleLimits;
}): UnzipPageBundleResult {
  const { maxFiles, maxFileBytes, maxBundleBytes } = limits;
  // Local file header (or an empty archive's end record): anything else is not a zip.
  if (!(zip[0] === 0x50 && zip[1] === 0x4b && (zip[2] === 3 || zip[2] === 5))) {
    return {
      ok: false,
      error: invalid('received a body that is not a zip archive; expected a .zip file'),
    };
  }
  const files: Array<PageFileInput & { done: boolean }> = [];
  let total = 0;
  // fflate catches what a handler throws and reports it as a generic error: keep the real one.
  let halt: Stop | undefined;
  const stop = (error: PageError) => {
    halt ??= new Stop(error);
    return halt;
  };
  const unzip = new Unzip((entry) => {
    // Folders carry no content; macOS adds resource forks and Finder files to every zip.
    if (entry.name.endsWith('/') || isMacMetadata(entry.name)) return;
    if (files.length + 1 > maxFiles) {
      throw stop(
        tooLarge(`received more than ${maxFiles} files in the zip; expected at most ${maxFiles}`),
      );
    }
    const file: PageFileInput & { done: boolean } = {
      path: entry.name,
      bytes: new Uint8Array(0),
      done: false,
    };
    files.push(file);
    const chunks: Uint8Array[] = [];
    let size = 0;
    entry.ondata = (error, chunk, final) => {
      if (halt) throw halt;
      if (error)
        throw stop(invalid(`cannot unzip '${entry.name.slice(0, 200)}': ${error.message}`));
      size += chunk.length;
      total += chunk.length;
      if (size > maxFileBytes) {
        throw stop(
          tooLarge(
            `'${entry.name.slice(0, 200)}' unzips to more than ${maxFileBytes} bytes; expected at most ${maxFileBytes} per file`,
          ),
        );
      }
      if (total > maxBundleBytes) {
        throw stop(
          tooLarge(
            `the zip unzips to more than ${maxBundleBytes} bytes; expected at most ${maxBundleBytes} in all`,
          ),
        );
      }
      chunks.push(chunk);
      if (final) {
        file.bytes = concat(chunks, size);
        file.done = true;
      }
    };
    // Stored (0) and deflate (8) only: others (LZMA, AES) come back as an error in ondata.
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < zip.length; at += FEED_BYTES) {
      unzip.push(zip.subarray(at, at + FEED_BYTES), at + FEED_BYTES >= zip.length);
    }
  } catch (error) {
    if (halt) return { ok: false, error: halt.error };
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: invalid(
        `received a damaged zip archive (${message}); expected a readable .zip file`,
        error,
      ),
    };
  }
  const cut = files.find((f) => !f.done);
  // fflate throws on a truncated entry; should one ever end quietly, keep nothing rather than half a file.
  if (cut) {
    return {
      ok: false,
      error: invalid(
        `the zip ends inside '${cut.path.slice(0, 200)}'; expected a complete archive`,
      ),
    };
  }
  return { ok: true, files: files.map(({ path, bytes }) => ({ path, bytes })) };
}

function isMacMetadata(name: string) {
  return name.startsWith('__MACOSX/') || name === '.DS_Store' || name.endsWith('/.DS_Store');
}

function concat(chunks: Uint8Array[], size: number) {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function invalid(message: string, cause?: unknown) {
  return new PageError('PAGE_INVALID', message, { cause });
}

function tooLarge(message: string) {
  return new PageError('PAGE_TOO_LARGE', message);
}
