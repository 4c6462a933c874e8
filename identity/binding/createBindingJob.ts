import type { BindingDeps } from './BindingDeps';
import { createBindingJobs } from './createBindingJobs';
import type { BindingJobRequest } from './prepareBindingJob';

/**
 * Create one credential binding job for an identity: `{credential_binding_job,
 * credential_binding_link?}` (the link only for RETURN; EMAIL mails it).
 */
export async function createBindingJob(
  deps: BindingDeps,
  {
    tenantId,
    storeName,
    userId,
    request,
  }: { tenantId: string; storeName: string; userId: string; request: BindingJobRequest },
) {
  const [result] = await createBindingJobs(deps, {
    tenantId,
    storeName,
    requests: [{ userId, request }],
  });
  return result!;
}
