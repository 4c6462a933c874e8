/**
 * A server field path (JSON pointer, RFC 6901: `/address/street`, `/items/0`) as the
 * JSON Forms data path of the control (`address.street`, `items.0`). A path that is
 * already dotted (`userName`) passes through.
 */
export function pointerToDataPath(pointer: string): string {
  if (!pointer.startsWith('/')) return pointer;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
}
