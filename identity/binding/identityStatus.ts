import type { UserStatus } from '../../storage/UserRecord';

export type IdentityStatus = 'active' | 'suspended';

/** Beyond Identity knows two statuses: only ACTIVE is active; every other native status is suspended. */
export function toIdentityStatus(status: UserStatus): IdentityStatus {
  return status === 'ACTIVE' ? 'active' : 'suspended';
}

/**
 * The native status for a requested one. Suspending a user who is already not ACTIVE (LOCKED,
 * PENDING_ACTIVE, ...) keeps their finer native status: it already reads as suspended.
 */
export function toUserStatus(requested: IdentityStatus, current?: UserStatus): UserStatus {
  if (requested === 'active') return 'ACTIVE';
  return current !== undefined && current !== 'ACTIVE' ? current : 'DISABLED';
}
