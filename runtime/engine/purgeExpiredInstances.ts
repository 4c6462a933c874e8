import type { RuntimeDeps } from '../RuntimeDeps';

/** Delete process instances that expired more than `graceMs` ago (410 within it, 404 after). */
export function purgeExpiredInstances(
  deps: Pick<RuntimeDeps, 'records' | 'now'>,
  { graceMs = 3_600_000 } = {},
) {
  return deps.records.instances.purgeExpired(deps.now() - graceMs);
}
