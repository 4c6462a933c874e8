import type { UserRecord } from '../../storage/UserRecord';

/**
 * An identity's display name: `attributes.displayName` (where Beyond Identity's `display_name`
 * and a passkey journey's display name are kept), else the names, else the user key.
 */
export function displayNameOf(
  user: Pick<UserRecord, 'attributes' | 'firstName' | 'lastName' | 'userKey'>,
) {
  const kept = user.attributes?.displayName;
  if (kept) return kept;
  const names = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return names || user.userKey;
}
