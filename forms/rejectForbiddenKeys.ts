import { appendPointer } from '../core/appendPointer';
import type { FormFieldIssue } from './FormError';

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type RejectForbiddenKeysOptions = {
  value: unknown;
  /** JSON pointer of `value` inside the enclosing document, used in issue paths. */
  path?: string;
};

/**
 * Lists every `__proto__` / `constructor` / `prototype` key anywhere in `value`: such keys are a
 * prototype-pollution vector for any consumer that merges or indexes into the document.
 * Iterative so deeply nested input cannot overflow the call stack.
 */
export function rejectForbiddenKeys({
  value,
  path = '',
}: RejectForbiddenKeysOptions): FormFieldIssue[] {
  const issues: FormFieldIssue[] = [];
  const stack: Array<{ node: unknown; at: string }> = [{ node: value, at: path }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { node, at } = stack.pop()!;
    // Scalars have no keys.
    if (typeof node !== 'object' || node === null) continue;
    // A cycle cannot come from JSON; visiting once keeps the walk finite anyway.
    if (seen.has(node)) continue;
    seen.add(node);
    for (const [key, child] of Object.entries(node)) {
      const childPath = appendPointer(at, key);
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push({
          path: childPath,
          message: `received forbidden key "${key}"; expected keys other than __proto__, constructor, prototype`,
        });
        continue;
      }
      stack.push({ node: child, at: childPath });
    }
  }
  return issues;
}
