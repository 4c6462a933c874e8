import { measureJsonDepth } from './measureJsonDepth';

export type DetachedJson =
  | { ok: true; copy: unknown }
  | { ok: false; tooLarge: boolean; bytes?: number; issue: { path: string; message: string } };

/**
 * The common front door of every uploaded definition: bounded depth, serialisable, bounded
 * size, then a detached copy (no getters, prototypes or later mutation by the caller).
 */
export function detachUntrustedJson({
  value,
  maxBytes,
  maxDepth,
}: {
  value: unknown;
  maxBytes: number;
  maxDepth: number;
}): DetachedJson {
  // Depth first: it bounds the recursion of serialisation and of every later walk.
  if (measureJsonDepth({ value, limit: maxDepth }) > maxDepth) {
    return {
      ok: false,
      tooLarge: false,
      issue: {
        path: '',
        message: `received nesting deeper than ${maxDepth}; expected at most ${maxDepth}`,
      },
    };
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // BigInt values and throwing getters make the upload unserialisable.
  }
  // Values JSON cannot represent (undefined, BigInt, functions) are not a definition.
  if (json === undefined) {
    return {
      ok: false,
      tooLarge: false,
      issue: { path: '', message: `received ${typeof value}; expected a JSON object` },
    };
  }
  const bytes = new TextEncoder().encode(json).length;
  // Definitions are stored, loaded and walked often: keep them small.
  if (bytes > maxBytes) {
    return {
      ok: false,
      tooLarge: true,
      bytes,
      issue: { path: '', message: `received ${bytes} bytes of JSON; expected at most ${maxBytes}` },
    };
  }
  return { ok: true, copy: JSON.parse(json) };
}
