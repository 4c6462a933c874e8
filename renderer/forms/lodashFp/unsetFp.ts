import { copyFor, isUnsafeKey, toPathKeys } from './toPathKeys';

/**
 * lodash/fp's `unset(path, object)` as @jsonforms/core's reducer calls it: a new object without
 * the property at `path`, copying only the containers along the path (see setFp.ts for why).
 */
export default function unsetFp(path: string | readonly (string | number)[], object: unknown) {
  const keys = toPathKeys(path);
  // Like lodash, a missing root is an empty object.
  if (object === undefined || object === null) return {};
  if (keys.length === 0 || keys.some(isUnsafeKey)) return object;
  return unsetAt(object, keys, 0);
}

function unsetAt(container: unknown, keys: string[], index: number): unknown {
  if (typeof container !== 'object' || container === null) return container;
  const key = keys[index]!;
  const copy = copyFor(container, key) as Record<string, unknown>;
  if (index === keys.length - 1) {
    delete copy[key];
    return copy;
  }
  if (!Object.hasOwn(copy, key)) return copy;
  copy[key] = unsetAt(copy[key], keys, index + 1);
  return copy;
}
