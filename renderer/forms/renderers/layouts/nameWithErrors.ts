import { formatText } from './formatText';

/**
 * The accessible name of a tab, step or list item that holds an error ("Address, has
 * errors"), or `undefined` to keep its visible text as its name.
 */
export function nameWithErrors({
  label,
  hasErrors,
  texts,
}: {
  label: string;
  hasErrors: boolean;
  texts: Record<string, string>;
}): string | undefined {
  if (!hasErrors) return undefined;
  const mark = formatText({ texts, key: 'categorization.hasErrors', fallback: 'has errors' });
  return `${label}, ${mark}`;
}
