/**
 * The text for `key` from the step's `form.texts`, or `fallback`. Own properties only:
 * a form field called `constructor` must not read Object.prototype.
 */
export function lookupText({
  texts,
  key,
  fallback,
}: {
  texts: Record<string, string>;
  key: string;
  fallback?: string;
}): string | undefined {
  const text = Object.hasOwn(texts, key) ? texts[key] : undefined;
  return typeof text === 'string' ? text : fallback;
}
