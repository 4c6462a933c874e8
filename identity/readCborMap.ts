import { decodePartialCBOR, encodeCBOR } from '@levischuck/tiny-cbor';

/**
 * One CBOR map at `at` of `data`, strictly: it must decode, fit the bytes, and be minimally
 * encoded (the library finds where a map ends by re-encoding it, so a map that does not
 * re-encode to its own length would be read at another offset than ours). A refusal says why.
 */
export function readCborMap(
  data: Uint8Array,
  at: number,
): { ok: true; value: Map<string | number, unknown>; end: number } | { ok: false; why: string } {
  let value: unknown;
  let length: number;
  try {
    [value, length] = decodePartialCBOR(data, at);
  } catch (error) {
    return { ok: false, why: `is not CBOR (${(error as Error).message})` };
  }
  const end = at + length;
  if (end > data.length) return { ok: false, why: 'is truncated: it runs past the end' };
  if (!(value instanceof Map)) return { ok: false, why: 'is not a CBOR map' };
  let reencoded: number;
  try {
    reencoded = encodeCBOR(value).length;
  } catch {
    reencoded = -1;
  }
  if (reencoded !== length) return { ok: false, why: 'is not minimally encoded CBOR' };
  return { ok: true, value, end };
}
