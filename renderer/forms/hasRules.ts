/**
 * Whether any element of a uischema (or of a Control's `options.detail`) carries a `rule`.
 * Walks with a stack: uploads are depth-capped, but the renderer must not overflow on one.
 */
export function hasRules(uischema: unknown): boolean {
  const stack: unknown[] = [uischema];
  while (stack.length > 0) {
    const element = stack.pop();
    if (typeof element !== 'object' || element === null) continue;
    const { rule, elements, options } = element as Record<string, unknown>;
    if (rule !== undefined) return true;
    if (Array.isArray(elements)) stack.push(...elements);
    if (typeof options === 'object' && options !== null)
      stack.push((options as { detail?: unknown }).detail);
  }
  return false;
}
