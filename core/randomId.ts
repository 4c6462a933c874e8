/** An opaque, URL-safe id with `bits` of entropy (default 128, the floor for any secret). */
export function randomId(deps: { randomBytes: (bytes: number) => Buffer }, bits = 128) {
  return deps.randomBytes(bits / 8).toString('base64url');
}
