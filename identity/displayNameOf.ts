import type { UserRecord } from '../storage/UserRecord';

/**
 * A user's display name: `attributes.displayName` (where Beyond Identity's `display_name` and a
 * passkey journey's display name are kept) when a non-empty string, else "firstName lastName",
 * else undefined so each caller picks its own fallback.
 */
export function displayNameOf(user: Pick<UserRecord, 'attributes' | 'firstName' | 'lastName'>) {
  const kept: unknown = user.attributes?.displayName;
  if (typeof kept === 'string' && kept !== '') return kept;
  const names = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return names || undefined;
}
