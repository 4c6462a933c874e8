import { scanTemplate } from '../expressions/scanTemplate';

/**
 * True for a string that is exactly one `${...}` (no text or spaces around it): resolveTemplate
 * turns such a string into the typed value it evaluates to, so it may stand for any input type.
 */
export function isSingleExpression(value: unknown): value is string {
  // Cheap pre-check: most values are literals.
  if (typeof value !== 'string' || !value.startsWith('${')) return false;
  const segments = scanTemplate({ template: value });
  return segments.length === 1 && segments[0]?.kind === 'expression';
}
