import { lookupText } from '../forms/lookupText';

/**
 * A screen's h1: the form's own `title` text for the step's locale, else the node's
 * label, else the renderer's default for that kind of step.
 */
export function chooseHeading({
  texts = {},
  title,
  fallback,
}: {
  texts?: Record<string, string>;
  title?: string;
  fallback: string;
}): string {
  const own = lookupText({ texts, key: 'title' });
  if (own !== undefined && own.trim() !== '') return own;
  return title !== undefined && title.trim() !== '' ? title : fallback;
}
