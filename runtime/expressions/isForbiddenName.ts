const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Names no expression may read, whether as a root identifier, after a dot, or as a bracket key
 * (literal or computed). Own-property reads already keep the prototype chain out of reach; this
 * is the second lock. A literal use fails loudly, so a probing template is rejected at upload; a
 * computed key that evaluates to one reads as undefined, since it came from data.
 */
export function isForbiddenName(name: string): boolean {
  return FORBIDDEN_NAMES.has(name);
}
