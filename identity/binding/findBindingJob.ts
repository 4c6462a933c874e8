import { isoNow } from '../../core/isoNow';
import { IdentityError } from '../IdentityError';
import type { BindingDeps } from './BindingDeps';
import { expiringStates, isPastExpiry } from './isPastExpiry';

/**
 * A job of the realm, addressed through its own identity (the `-` wildcard lists, it does not
 * address). A job of another identity, realm or tenant is as unknown as a missing one (404). A
 * job past its expiry is marked EXPIRED here, so every caller sees the state it is really in.
 */
export async function findBindingJob(
  deps: Pick<BindingDeps, 'records' | 'now'>,
  {
    tenantId,
    storeName,
    userId,
    jobId,
  }: { tenantId: string; storeName: string; userId: string; jobId: string },
) {
  const key = { tenantId, storeName, id: jobId };
  const job = await deps.records.bindingJobs.find(key);
  if (!job || job.userId !== userId) {
    throw new IdentityError('BINDING_JOB_NOT_FOUND', `credential binding job '${jobId}' not found`);
  }
  if (!isPastExpiry(job, deps.now())) return job;
  await deps.records.bindingJobs.transition(key, expiringStates, {
    state: 'EXPIRED',
    updated_at: isoNow(deps),
  });
  return (await deps.records.bindingJobs.find(key)) ?? job;
}
