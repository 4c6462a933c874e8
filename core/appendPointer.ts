/** Appends one segment to a JSON pointer, escaping `~` and `/` per RFC 6901. */
export function appendPointer(base: string, segment: string | number): string {
  const escaped = String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
  return `${base}/${escaped}`;
}
