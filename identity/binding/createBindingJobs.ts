import { IdentityError } from '../IdentityError';
import type { BindingDeps } from './BindingDeps';
import { linkOf } from './buildBindingLink';
import { deliverBindingJobs } from './deliverBindingJobs';
import {
  type BindingJobRequest,
  type PreparedBindingJob,
  prepareBindingJob,
} from './prepareBindingJob';
import { toBindingJobView } from './toBindingJobView';

/** The most jobs one batch may create. */
export const maxBatchSize = 1000;

/**
 * Create credential binding jobs, one per request, all or none: every request is checked first
 * (an error names the request's index), then all jobs commit in one transaction, then the EMAIL
 * ones are mailed. Each result carries the job and, for RETURN, its link.
 */
export async function createBindingJobs(
  deps: BindingDeps,
  {
    tenantId,
    storeName,
    requests,
  }: {
    tenantId: string;
    storeName: string;
    requests: Array<{ userId: string; request: BindingJobRequest }>;
  },
) {
  if (requests.length === 0 || requests.length > maxBatchSize) {
    throw new IdentityError(
      'INVALID_INPUT',
      `expected 1..${maxBatchSize} requests, got ${requests.length}`,
      {
        details: { fields: [{ path: '/requests', message: `expected 1..${maxBatchSize} items` }] },
      },
    );
  }
  const prepared: PreparedBindingJob[] = [];
  for (const [index, { userId, request }] of requests.entries()) {
    prepared.push(
      await prepareBindingJob(deps, { tenantId, storeName, userId, request }).catch((e) => {
        throw atIndex(e, index, requests.length);
      }),
    );
  }
  await deps.records.transaction(async (r) => {
    for (const { job } of prepared) await r.bindingJobs.insert(job);
  });
  // A mailed link is an acknowledgement too: the jobs must be on disk before it leaves.
  const { durability } = deps.records;
  await durability.reached(durability.begin(), 'durable');
  await deliverBindingJobs(deps, prepared);
  const now = deps.now();
  return prepared.map(({ job, token }) => ({
    credential_binding_job: toBindingJobView(job, now),
    ...(job.deliveryMethod === 'RETURN'
      ? { credential_binding_link: linkOf(deps, job, token) }
      : {}),
  }));
}

/** A single request's error, said for the batch: which request, same code and status. */
function atIndex(error: unknown, index: number, total: number) {
  if (!(error instanceof IdentityError) || total === 1) return error;
  return new IdentityError(error.code, `requests[${index}]: ${error.message}`, {
    details: { index, ...(error.details ?? {}) },
    cause: error,
  });
}
