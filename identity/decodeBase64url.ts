const alphabet = /^[A-Za-z0-9_-]*$/;

/**
 * The bytes of an unpadded base64url string (the encoding of every binary member of the WebAuthn
 * JSON types), or undefined when `value` is not one. Only the canonical spelling counts: Node
 * decodes leniently (a dangling sixth bit group, non-zero pad bits), and another decoder could
 * read the same text as other bytes. The copy owns its buffer: tiny-cbor reads `bytes.buffer`.
 */
export function decodeBase64url(value: unknown): Uint8Array | undefined {
  if (typeof value !== 'string' || !alphabet.test(value) || value.length % 4 === 1) {
    return undefined;
  }
  const bytes = Buffer.from(value, 'base64url');
  if (bytes.toString('base64url') !== value) return undefined;
  return new Uint8Array(bytes);
}
