import type { BindingJobRecord, BindingJobState } from '../../storage/BindingJobRecord';

/** States a job leaves for EXPIRED once its link outlives `expiresAt`; the rest are final. */
export const expiringStates: BindingJobState[] = ['LINK_SENT', 'LINK_OPENED', 'REQUEST_DELIVERED'];

/** Whether time alone has made `job` EXPIRED, whatever its stored state still says. */
export function isPastExpiry(job: Pick<BindingJobRecord, 'state' | 'expiresAt'>, now: number) {
  return expiringStates.includes(job.state) && now >= job.expiresAt;
}
