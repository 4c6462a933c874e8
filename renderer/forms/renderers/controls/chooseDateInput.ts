/** Which native input a date, time or date-time control uses. */
export type DateInputKind = 'date' | 'month' | 'time' | 'datetime-local';

/**
 * The native input for a `format: date|time|date-time` control, by the schema's format or
 * JSON Forms' `options.format`. A date saved as `YYYY-MM` (the material set's
 * `dateSaveFormat`, or `views: [year, month]`) is a month input, which stores just that.
 */
export function chooseDateInput({
  format,
  options,
}: {
  format: unknown;
  options: Record<string, unknown>;
}): DateInputKind {
  const chosen = options.format ?? format;
  if (chosen === 'time') return 'time';
  if (chosen === 'date-time') return 'datetime-local';
  const views = Array.isArray(options.views) ? options.views.join() : '';
  return options.dateSaveFormat === 'YYYY-MM' || views === 'year,month' ? 'month' : 'date';
}
