import { IdentityError } from './IdentityError';
import type { UserInput } from './UserInput';

let timeZones: Set<string> | undefined;

/**
 * The checks a JSON schema cannot express: a calendar date that exists, a real TZDB zone.
 * All problems are reported at once, each with its field path.
 */
export function checkUserFields(input: UserInput) {
  const fields: Array<{ path: string; message: string }> = [];
  if (input.dateOfBirth != null && !isRealDate(input.dateOfBirth)) {
    fields.push({
      path: '/dateOfBirth',
      message: `'${input.dateOfBirth}' is not a yyyy-mm-dd calendar date`,
    });
  }
  if (input.timezone != null && !isTimeZone(input.timezone)) {
    fields.push({ path: '/timezone', message: `'${input.timezone}' is not a TZDB time zone name` });
  }
  if (fields.length > 0) {
    throw new IdentityError(
      'INVALID_INPUT',
      fields.map((f) => `${f.path}: ${f.message}`).join('; '),
      {
        details: { fields },
      },
    );
  }
}

function isRealDate(text: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function isTimeZone(name: string) {
  timeZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC']);
  return timeZones.has(name);
}
