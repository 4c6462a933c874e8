import type { IdentityDeps } from './IdentityDeps';

/**
 * Delete sessions that expired more than `graceMs` ago. Within the grace a late client gets a
 * clear 410; after it the session is gone and looks like any unknown one (404).
 */
export function purgeExpiredSessions(
  deps: Pick<IdentityDeps, 'records' | 'now'>,
  { graceMs = 3_600_000 } = {},
) {
  return deps.records.sessions.purgeExpired(deps.now() - graceMs);
}
