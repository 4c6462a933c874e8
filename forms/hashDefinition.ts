import { createHash } from 'node:crypto';

const cache = new WeakMap<object, string>();

/** sha256 of a definition's JSON text: what a version's `sha256` promises never changes. */
export function hashDefinition(definition: object) {
  let hash = cache.get(definition);
  if (!hash) {
    hash = createHash('sha256').update(JSON.stringify(definition)).digest('hex');
    cache.set(definition, hash);
  }
  return hash;
}
