/**
 * The data paths of every Control and ListWithDetail in a uischema
 * (`#/properties/a/properties/b` → `a.b`), to tell which server errors have a field to sit on.
 */
export function collectControlPaths(uischema: unknown): Set<string> {
  const paths = new Set<string>();
  const visit = (element: unknown, depth: number) => {
    // Uploaded uischemas are depth-capped server-side; this only guards against a cycle.
    if (depth > 64 || typeof element !== 'object' || element === null) return;
    const { type, scope, elements } = element as Record<string, unknown>;
    // A ListWithDetail draws its items' fields as a Control over the array does.
    const scoped = type === 'Control' || type === 'ListWithDetail';
    if (scoped && typeof scope === 'string') paths.add(scopeToDataPath(scope));
    if (Array.isArray(elements)) for (const child of elements) visit(child, depth + 1);
  };
  visit(uischema, 0);
  return paths;
}

function scopeToDataPath(scope: string): string {
  return scope
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment, index) => !(index % 2 === 0 && segment === 'properties'))
    .map((token) => decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
}
