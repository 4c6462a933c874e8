import { formatText } from './formatText';

/**
 * A list item's name, for its button and the buttons and detail that act on it: the
 * position, then the item's label (core's child label, or a primitive item's own value).
 */
export function labelListItem({
  texts,
  index,
  childLabel,
}: {
  texts: Record<string, string>;
  index: number;
  childLabel: unknown;
}): string {
  const text =
    typeof childLabel === 'string' ||
    typeof childLabel === 'number' ||
    typeof childLabel === 'boolean'
      ? String(childLabel).trim()
      : '';
  if (text !== '') return `${index + 1}. ${text}`;
  return formatText({
    texts,
    key: 'listWithDetail.item',
    fallback: 'Item {n}',
    values: { n: index + 1 },
  });
}
