/** `a.b[0].c` → ['a', 'b', '0', 'c'], as lodash reads the paths JSON Forms passes. */
export function toPathKeys(path: string | readonly (string | number)[]): string[] {
  if (Array.isArray(path)) return path.map(String);
  return String(path)
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((key) => key !== '');
}

/** Names that would reach an object's prototype instead of its data: never written. */
export const isUnsafeKey = (key: string) =>
  key === '__proto__' || key === 'constructor' || key === 'prototype';

export const isIndex = (key: string) => /^(0|[1-9]\d*)$/.test(key);

/** A shallow copy of an object or array; for anything else a new container for `key`. */
export function copyFor(value: unknown, key: string): Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return value.slice();
  if (typeof value === 'object' && value !== null) return { ...value };
  return isIndex(key) ? [] : {};
}
