import type { IdentityDeps } from './IdentityDeps';

/**
 * Delete registration and sign-in sessions that expired more than `graceMs` ago. Within the
 * grace a late client gets a clear 410; after it the session is gone and looks like any unknown
 * one (404). Returns how many were deleted.
 */
export async function purgeExpiredSessions(
  deps: Pick<IdentityDeps, 'records' | 'now'>,
  { graceMs = 3_600_000 } = {},
) {
  const before = deps.now() - graceMs;
  const [registrations, authentications] = await Promise.all([
    deps.records.sessions.purgeExpired(before),
    deps.records.authenticationSessions.purgeExpired(before),
  ]);
  return registrations + authentications;
}
