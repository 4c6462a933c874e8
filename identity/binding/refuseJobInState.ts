import type { BindingJobRecord } from '../../storage/BindingJobRecord';
import { IdentityError } from '../IdentityError';

/** What was being attempted: opening or redeeming the link, completing the binding, or revoking. */
export type JobAction = 'link' | 'complete' | 'revoke';

/** The error for acting on a job in a state that does not allow `action`. */
export function refuseJobInState(job: BindingJobRecord, action: JobAction) {
  switch (job.state) {
    case 'EXPIRED':
      return new IdentityError(
        'BINDING_JOB_EXPIRED',
        `the binding link expired at ${new Date(job.expiresAt).toISOString()}`,
      );
    case 'REVOKED':
      return new IdentityError('BINDING_JOB_REVOKED', 'the binding job was revoked');
    case 'FAILED_TO_SEND':
      return new IdentityError(
        'BINDING_JOB_UNDELIVERED',
        'the binding email could not be sent; create a new job',
      );
    case 'COMPLETE':
      return action === 'revoke'
        ? new IdentityError(
            'BINDING_JOB_COMPLETE',
            'the binding job is complete; nothing to revoke',
          )
        : new IdentityError('BINDING_LINK_USED', 'the binding link was already used');
    case 'REQUEST_DELIVERED':
      return action === 'revoke'
        ? new IdentityError(
            'BINDING_JOB_COMPLETE',
            'the passkey is being registered; the job can no longer be revoked',
          )
        : new IdentityError('BINDING_LINK_USED', 'the binding link was already used');
    default:
      return new IdentityError(
        'BINDING_NOT_REDEEMED',
        `the binding link has not been redeemed (state ${job.state})`,
      );
  }
}
