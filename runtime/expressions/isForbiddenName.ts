const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Names no expression may read, whether as a root identifier, after a dot, or as a bracket key
 * (literal or computed). Own-property reads already keep the prototype chain out of reach; this
 * is the second lock, and it fails loudly so a probing template is rejected at upload.
 */
export function isForbiddenName(name: string): boolean {
  return FORBIDDEN_NAMES.has(name);
}
