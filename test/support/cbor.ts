import { Encoder } from 'cbor-x';

/**
 * cbor-x's defaults are not what an authenticator emits: it tags Maps with 259 and Uint8Arrays
 * with 64, and gives objects a 16-bit length header. @simplewebauthn/server decodes with
 * tiny-cbor and, in parseAuthenticatorData, re-encodes the COSE key to learn how many bytes it
 * spanned — so any tag or non-minimal header would shift its pointer and break parsing.
 * These options give plain CTAP2-style CBOR: untagged maps and byte strings, minimal headers.
 * (`mapsAsObjects: false` is what drops tag 259 from Maps.) Callers pass `Map`s so that integer
 * keys (COSE labels) stay integers.
 */
const encoder = new Encoder({
  useRecords: false,
  mapsAsObjects: false,
  tagUint8Array: false,
  variableMapSize: true,
});

export function encodeCbor(value: unknown): Uint8Array {
  // cbor-x hands back a view into a buffer it reuses between calls; copy to own the bytes.
  return Uint8Array.from(encoder.encode(value));
}
