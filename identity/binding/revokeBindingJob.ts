import { isoNow } from '../../core/isoNow';
import type { BindingJobKey } from '../../storage/BindingJobRecord';
import type { BindingDeps } from './BindingDeps';
import { findBindingJob } from './findBindingJob';
import { refuseJobInState } from './refuseJobInState';

/**
 * Revoke a job: its link stops working. A redeemed job's registration session is cancelled first
 * (compare-and-set on the session), so a revoke and a completion racing each other cannot both
 * win: once the session is verifying or completed, the revoke is refused (409), as for a
 * COMPLETE job. Revoking a revoked job returns it unchanged.
 */
export async function revokeBindingJob(
  deps: BindingDeps,
  {
    tenantId,
    storeName,
    userId,
    jobId,
  }: { tenantId: string; storeName: string; userId: string; jobId: string },
) {
  const job = await findBindingJob(deps, { tenantId, storeName, userId, jobId });
  if (job.state === 'REVOKED') return job;
  if (job.state === 'COMPLETE' || job.state === 'EXPIRED') throw refuseJobInState(job, 'revoke');
  if (job.state === 'REQUEST_DELIVERED' && !(await stopSession(deps, tenantId, job.sessionId))) {
    throw refuseJobInState(job, 'revoke');
  }
  const key: BindingJobKey = { tenantId, storeName, id: jobId };
  await deps.records.bindingJobs.transition(
    key,
    ['LINK_SENT', 'LINK_OPENED', 'REQUEST_DELIVERED', 'FAILED_TO_SEND'],
    { state: 'REVOKED', updated_at: isoNow(deps) },
  );
  const current = (await deps.records.bindingJobs.find(key)) ?? job;
  if (current.state !== 'REVOKED') throw refuseJobInState(current, 'revoke');
  return current;
}

/** True when the session can no longer produce a passkey (cancelled now, or already dead). */
async function stopSession(deps: BindingDeps, tenantId: string, sessionId: string | null) {
  if (sessionId === null) return true;
  const key = { tenantId, id: sessionId };
  const cancelled = await deps.records.sessions.cancel(
    { ...key, state: 'PENDING' },
    { failureCode: 'CANCELLED:binding-job-revoked', updatedAt: isoNow(deps) },
  );
  if (cancelled) return true;
  const session = await deps.records.sessions.find(key);
  return session?.state !== 'VERIFYING' && session?.state !== 'COMPLETED';
}
