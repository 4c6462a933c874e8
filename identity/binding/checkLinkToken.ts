import { IdentityError } from '../IdentityError';
import { matchesHash } from '../matchesHash';
import type { BindingDeps } from './BindingDeps';
import { findBindingJob } from './findBindingJob';
import { refuseJobInState } from './refuseJobInState';

export type LinkAddress = {
  tenantId: string;
  storeName: string;
  userId: string;
  jobId: string;
  token: string;
};

/**
 * The job a link addresses, if its token is the job's own and the link is still open
 * (LINK_SENT or LINK_OPENED, unexpired). The token is bound to the job, and the job to its
 * identity, realm and tenant, so a token presented anywhere else is refused.
 */
export async function checkLinkToken(
  deps: Pick<BindingDeps, 'records' | 'now'>,
  { token, ...address }: LinkAddress,
) {
  const job = await findBindingJob(deps, address);
  if (!matchesHash(token, job.tokenHash)) {
    throw new IdentityError(
      'BINDING_TOKEN_INVALID',
      'the binding link token is not valid for this job',
    );
  }
  if (job.state !== 'LINK_SENT' && job.state !== 'LINK_OPENED') throw refuseJobInState(job, 'link');
  return job;
}
