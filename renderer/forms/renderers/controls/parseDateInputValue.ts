import type { DateInputKind } from './chooseDateInput';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A native date/time input's value as the data JSON Forms and the server both accept: empty
 * is "no value" (so `required` speaks); a time always has seconds (`13:37:00`, as JSON Forms'
 * vanilla set stores it: ajv's `time` wants them); a date-time is the local wall-clock time the
 * user picked with the browser's offset for that moment (RFC 3339 `2024-05-01T13:37:00+02:00`,
 * like the material set), so it is both what was entered and an unambiguous instant.
 */
export function parseDateInputValue({
  kind,
  value,
}: {
  kind: DateInputKind;
  value: string;
}): string | undefined {
  if (value === '') return undefined;
  if (kind === 'date' || kind === 'month') return value;
  const withSeconds = (time: string) => (/^\d\d:\d\d$/.test(time) ? `${time}:00` : time);
  if (kind === 'time') return withSeconds(value);
  const parts = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?/.exec(value);
  // The browser only yields well-formed values; anything else is kept for validation to report.
  if (!parts) return value;
  const [, y, mo, d, h, mi, s = '00'] = parts;
  const local = new Date(+y!, +mo! - 1, +d!, +h!, +mi!, +s);
  const offset = -local.getTimezoneOffset();
  const zone =
    offset === 0
      ? 'Z'
      : `${offset > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`;
}
