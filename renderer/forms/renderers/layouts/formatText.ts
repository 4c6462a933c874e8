import { lookupText } from '../../lookupText';

/**
 * A layout text from the form's texts (i18n) or its English default, with `{name}` slots
 * filled in. Values are inserted as text, and the result is only ever a React text node.
 */
export function formatText({
  texts,
  key,
  fallback,
  values = {},
}: {
  texts: Record<string, string>;
  key: string;
  fallback: string;
  values?: Record<string, string | number>;
}): string {
  const template = lookupText({ texts, key, fallback }) ?? fallback;
  return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : slot,
  );
}
