/** A `format` check: true when the string is in the format. */
export type FormFormatCheck = (value: string) => boolean;

/** `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`, each with an optional `Z` or `±HH[:]MM` offset. */
const TIME = /^(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(z|[+-](\d\d)(?::?(\d\d))?)?$/i;
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
/** The date and the time of a date-time, split as RFC 3339 §5.6 and ajv-formats split them. */
const DATE_TIME_SEPARATOR = /t|\s/i;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** ajv-formats 3's ipv4: no leading zeros, which some parsers read as octal. */
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function isTime(value: string): boolean {
  const match = TIME.exec(value);
  if (match === null) return false;
  const [hour, minute, second, offsetHour, offsetMinute] = [1, 2, 3, 5, 6].map((i) =>
    Number(match[i] ?? 0),
  ) as [number, number, number, number, number];
  if (offsetHour > 23 || offsetMinute > 59 || hour > 23 || minute > 59) return false;
  // RFC 3339 allows a leap second, which only ever falls on the last minute of a UTC day.
  return second < 60 || (second === 60 && hour === 23 && minute === 59);
}

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [1, 2, 3].map((i) => Number(match[i])) as [number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 && leap ? 29 : DAYS[month - 1];
  return last !== undefined && day >= 1 && day <= last;
}

function isDateTime(value: string): boolean {
  const parts = value.split(DATE_TIME_SEPARATOR);
  return parts.length === 2 && isDate(parts[0]!) && isTime(parts[1]!);
}

/**
 * The formats where JSON Forms' ajv-formats (2, bundled with @jsonforms/core) and the server's
 * (ajv-formats 3) disagree, defined once for both so the browser and the server give one answer.
 * Times and date-times take what the browser's `time` and `datetime-local` inputs produce
 * (`13:37`, `2024-05-01T13:37`, with or without seconds) as well as full RFC 3339 values with an
 * offset: JSON Forms' dates example stores `13:37:00`, which ajv-formats 3 refuses for want of
 * an offset. Every other format is the same in both versions and stays theirs.
 */
export function createFormFormats(): Record<string, FormFormatCheck> {
  const ipv4: FormFormatCheck = (value) => IPV4.test(value);
  return {
    time: isTime,
    'date-time': isDateTime,
    'iso-time': isTime,
    'iso-date-time': isDateTime,
    ipv4,
  };
}
