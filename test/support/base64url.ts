/** Bytes → unpadded base64url, the encoding every binary field of the WebAuthn JSON types uses. */
export function toBase64url(bytes: Uint8Array | ArrayBuffer): string {
  return Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString(
    'base64url',
  );
}

/** base64url (padded or not) → bytes. */
export function fromBase64url(value: string): Uint8Array {
  return new Uint8Array(Buffer.from(value, 'base64url'));
}
