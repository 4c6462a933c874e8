import { collectControlPaths } from '../../collectControlPaths';

/**
 * The errors under one row or nested object (`base`, a data path) that no control of its
 * layout shows: the row's own (`minProperties`) and those of properties its `detail` leaves
 * out, each prefixed with the property's path inside the row so it names its field. Without
 * them a refused submission would point at nothing.
 */
export function collectRowErrors({
  errors,
  base,
  uischema,
}: {
  errors: { path: string; message: string }[];
  base: string;
  uischema: unknown;
}): string[] {
  const shown = collectControlPaths(uischema);
  const messages: string[] = [];
  for (const { path, message } of errors) {
    const inner = relativePath(path, base);
    if (inner === undefined) continue;
    if (inner !== '' && isShown(inner, shown)) continue;
    const text = inner === '' ? message : `${inner}: ${message}`;
    if (!messages.includes(text)) messages.push(text);
  }
  return messages;
}

function relativePath(path: string, base: string) {
  if (base === '') return path;
  if (path === base) return '';
  return path.startsWith(`${base}.`) ? path.slice(base.length + 1) : undefined;
}

/** A control shows its own path and, for arrays and objects, everything under it. */
function isShown(path: string, shown: Set<string>) {
  if (shown.has('')) return true;
  for (const control of shown) {
    if (path === control || path.startsWith(`${control}.`)) return true;
  }
  return false;
}
