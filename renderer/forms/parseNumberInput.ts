/**
 * A number field's text as data: empty is "no value" (so `required` can speak), and text
 * that is not a number stays text so validation reports it instead of it vanishing.
 */
export function parseNumberInput(raw: string): number | string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : raw;
}
