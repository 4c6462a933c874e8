/**
 * Whether switching a oneOf/anyOf alternative would throw away something the user entered:
 * any value other than "nothing" (undefined, null, '', an empty object or array, or objects
 * and arrays of only those) that differs from what the alternative starts with (`initial`,
 * its default value). Walks with a stack: data is capped in depth, but never trusted.
 */
export function hasEnteredData({ data, initial }: { data: unknown; initial?: unknown }): boolean {
  if (initial !== undefined && jsonEqual(data, initial)) return false;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'object') return true;
    stack.push(...Object.values(value as object));
  }
  return false;
}

function jsonEqual(a: unknown, b: unknown): boolean {
  const pairs: [unknown, unknown][] = [[a, b]];
  while (pairs.length > 0) {
    const [x, y] = pairs.pop() as [unknown, unknown];
    if (Object.is(x, y)) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(y, key)) return false;
      pairs.push([(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]]);
    }
  }
  return true;
}
