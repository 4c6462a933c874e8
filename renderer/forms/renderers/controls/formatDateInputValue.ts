import type { DateInputKind } from './chooseDateInput';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Stored data as the value of a native date/time input, which takes only its own shape
 * (`YYYY-MM-DD`, `HH:MM:SS`, local `YYYY-MM-DDTHH:MM:SS`): a time's zone and fraction are
 * dropped for display, a date-time with a zone is shown in the browser's local time.
 * Anything else shows as empty, and the data stays as it was until the user picks a value.
 */
export function formatDateInputValue({ kind, data }: { kind: DateInputKind; data: unknown }) {
  if (typeof data !== 'string') return '';
  if (kind === 'date') return /^\d{4}-\d\d-\d\d$/.test(data) ? data : '';
  if (kind === 'month') return /^\d{4}-\d\d$/.test(data) ? data : '';
  if (kind === 'time') return /^\d\d:\d\d(:\d\d)?/.exec(data)?.[0] ?? '';
  const local = /^(\d{4}-\d\d-\d\d)[Tt ](\d\d:\d\d(:\d\d)?)(\.\d+)?$/.exec(data);
  if (local) return `${local[1]}T${local[2]}`;
  // With a zone (`Z`, `+02:00`): the instant, shown on the user's clock.
  if (!/^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(:\d\d(\.\d+)?)?([Zz]|[+-]\d\d:?\d\d)$/.test(data)) return '';
  const date = new Date(data.replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
