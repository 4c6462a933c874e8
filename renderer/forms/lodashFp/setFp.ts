import { copyFor, isUnsafeKey, toPathKeys } from './toPathKeys';

/**
 * lodash/fp's `set(path, value, object)` as @jsonforms/core's reducer calls it: a new object
 * with `value` at `path`, copying only the containers along the path. Stands in for lodash/fp
 * in the browser bundle (renderer/vite.config.ts), whose conversion layer pulls in most of
 * lodash — about 15 kB gzip of the registration page for two calls.
 */
export default function setFp(
  path: string | readonly (string | number)[],
  value: unknown,
  object: unknown,
): unknown {
  const keys = toPathKeys(path);
  if (keys.some(isUnsafeKey)) return object;
  // Like lodash, a missing root is an object whatever the first key.
  return setAt(object ?? {}, keys, 0, value);
}

function setAt(container: unknown, keys: string[], index: number, value: unknown): unknown {
  if (index === keys.length) return value;
  const key = keys[index]!;
  const copy = copyFor(container, key) as Record<string, unknown>;
  const current = typeof container === 'object' && container !== null ? copy[key] : undefined;
  copy[key] = setAt(current, keys, index + 1, value);
  return copy;
}
