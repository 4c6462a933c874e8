import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { isoNow } from '../../core/isoNow';
import { completePasskeyRegistration } from '../completePasskeyRegistration';
import { findUser } from '../findUser';
import { IdentityError } from '../IdentityError';
import { matchesHash } from '../matchesHash';
import type { BindingDeps } from './BindingDeps';
import { findBindingJob } from './findBindingJob';
import { refuseJobInState } from './refuseJobInState';

/**
 * Finish a redeemed job with the browser's registration response: the registration session
 * verifies and stores the passkey (all of DESIGN §4 applies), then the job moves to COMPLETE
 * with the passkey as its `credential_id`. An identical resend returns the same result.
 */
export async function completeBinding(
  deps: BindingDeps,
  {
    completionToken,
    response,
    ...address
  }: {
    tenantId: string;
    storeName: string;
    userId: string;
    jobId: string;
    completionToken: string;
    response: RegistrationResponseJSON;
  },
) {
  const { tenantId, storeName } = address;
  const job = await findBindingJob(deps, address);
  if (!matchesHash(completionToken, job.completionHash)) {
    throw new IdentityError(
      'BINDING_TOKEN_INVALID',
      'the completion token is not valid for this job',
    );
  }
  if (job.state !== 'REQUEST_DELIVERED' && job.state !== 'COMPLETE') {
    throw refuseJobInState(job, 'complete');
  }
  const result = await completePasskeyRegistration(deps, {
    tenantId,
    storeName,
    sessionId: job.sessionId!,
    response,
  });
  if (job.state !== 'COMPLETE') {
    // EXPIRED too: the session verified before the expiry was marked, so the passkey exists and
    // the job must say so.
    await deps.records.bindingJobs.transition(job, ['REQUEST_DELIVERED', 'EXPIRED'], {
      state: 'COMPLETE',
      credential_id: result.passkey.id,
      updated_at: isoNow(deps),
    });
  }
  const completed = (await deps.records.bindingJobs.find(job)) ?? job;
  const user = await findUser(deps, { tenantId, storeName, userId: job.userId });
  return { job: completed, passkey: result.passkey, user };
}
