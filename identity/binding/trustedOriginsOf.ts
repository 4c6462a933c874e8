import { IdentityError } from '../IdentityError';
import type { BindingDeps } from './BindingDeps';
import { findAuthenticatorConfig } from './findAuthenticatorConfig';

/**
 * The browser origins that may call a job's link endpoints (CORS): Keyform's own and the
 * trusted origins of the job's authenticator config. Unknown jobs have none (404).
 */
export async function trustedOriginsOf(
  deps: BindingDeps,
  {
    tenantId,
    storeName,
    userId,
    jobId,
  }: { tenantId: string; storeName: string; userId: string; jobId: string },
) {
  const job = await deps.records.bindingJobs.find({ tenantId, storeName, id: jobId });
  if (!job || job.userId !== userId) {
    throw new IdentityError('BINDING_JOB_NOT_FOUND', `credential binding job '${jobId}' not found`);
  }
  const config = (() => {
    try {
      return findAuthenticatorConfig(deps, { tenantId, storeName, id: job.authenticatorConfigId });
    } catch {
      // A deleted config trusts nobody else; the request itself then fails with its 404.
      return undefined;
    }
  })();
  return new Set([deps.publicUrl, ...(config?.trustedOrigins ?? [])]);
}
