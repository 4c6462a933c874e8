import type { PageIssue } from '../../../pages/PageError';
import type { RegistrationNames } from '../registrations/registrationsOf';

const nameKeys: ReadonlySet<string> = new Set(['userName', 'userDisplayName']);

/**
 * Whether a page's SEND is the "names" SEND of DESIGN §7 (only `userName` and/or
 * `userDisplayName`), and if so whether the names are usable: a user name is a user key
 * (1-128 characters, no whitespace), a display name is 1-128 characters, not all blank.
 */
export function checkRegistrationNames({
  parameters,
}: {
  parameters: Record<string, unknown>;
}):
  | { names: false }
  | { names: true; ok: true; value: RegistrationNames }
  | { names: true; ok: false; issues: PageIssue[] } {
  const keys = Object.keys(parameters);
  if (keys.length === 0 || !keys.every((key) => nameKeys.has(key))) return { names: false };
  const { userName, userDisplayName } = parameters;
  const issues: PageIssue[] = [];
  if (userName !== undefined && !(typeof userName === 'string' && /^\S{1,128}$/u.test(userName))) {
    issues.push({
      path: '/userName',
      message: `received ${describe(userName)}; expected 1-128 characters without spaces`,
    });
  }
  if (
    userDisplayName !== undefined &&
    !(
      typeof userDisplayName === 'string' &&
      userDisplayName.length <= 128 &&
      userDisplayName.trim() !== ''
    )
  ) {
    issues.push({
      path: '/userDisplayName',
      message: `received ${describe(userDisplayName)}; expected 1-128 characters, not all spaces`,
    });
  }
  if (issues.length > 0) return { names: true, ok: false, issues };
  return {
    names: true,
    ok: true,
    value: {
      ...(typeof userName === 'string' ? { userName } : {}),
      ...(typeof userDisplayName === 'string' ? { userDisplayName } : {}),
    },
  };
}

function describe(value: unknown) {
  if (typeof value === 'string') return `a ${value.length}-character text`;
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
