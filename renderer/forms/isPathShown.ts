/**
 * Whether a control shows errors for this data path: a control at the path itself, or one
 * above it (an array or object control draws its items' fields, a root `#` control all).
 */
export function isPathShown(path: string, controlPaths: ReadonlySet<string>): boolean {
  for (const control of controlPaths) {
    if (path === control || control === '' || path.startsWith(`${control}.`)) return true;
  }
  return false;
}
