import { isoNow } from '../../core/isoNow';
import { randomId } from '../../core/randomId';
import { displayNameOf } from '../displayNameOf';
import { findUser } from '../findUser';
import { hashSecret } from '../hashSecret';
import { IdentityError } from '../IdentityError';
import { startPasskeyRegistration } from '../startPasskeyRegistration';
import type { BindingDeps } from './BindingDeps';
import { ceremonyOf } from './ceremonyOf';
import { checkLinkToken, type LinkAddress } from './checkLinkToken';
import { findAuthenticatorConfig } from './findAuthenticatorConfig';
import { findBindingJob } from './findBindingJob';
import { refuseJobInState } from './refuseJobInState';

/**
 * Use a binding link, once: start a passkey registration for the job's identity (the same engine
 * as the native API) and claim the job with a compare-and-set LINK_SENT|LINK_OPENED →
 * REQUEST_DELIVERED guarded by the token and the expiry. Of two concurrent redemptions one
 * wins; the other's session is cancelled and it gets 410 BINDING_LINK_USED. The caller gets
 * the creation options and a completion token (256 bits, kept as a hash) to finish with.
 */
export async function redeemBindingLink(deps: BindingDeps, address: LinkAddress) {
  const job = await checkLinkToken(deps, address);
  const { tenantId, storeName } = address;
  const user = await findUser(deps, { tenantId, storeName, userId: job.userId });
  if (user.status !== 'ACTIVE') {
    throw new IdentityError(
      'IDENTITY_SUSPENDED',
      `identity '${user.id}' is suspended (${user.status})`,
    );
  }
  const config = findAuthenticatorConfig(deps, {
    tenantId,
    storeName,
    id: job.authenticatorConfigId,
  });
  const session = await startPasskeyRegistration(deps, {
    tenantId,
    storeName,
    ...ceremonyOf(config, deps.publicUrl),
    subject: { userId: user.id },
    input: { userName: user.userKey, userDisplayName: displayNameOf(user) ?? user.userKey },
  });
  const completionToken = randomId(deps, 256);
  const updatedAt = isoNow(deps);
  const claimed = await deps.records.bindingJobs.transition(
    job,
    ['LINK_SENT', 'LINK_OPENED'],
    {
      state: 'REQUEST_DELIVERED',
      session_id: session.sessionId,
      completion_hash: hashSecret(completionToken),
      updated_at: updatedAt,
    },
    { tokenHash: job.tokenHash, unexpiredAt: deps.now() },
  );
  if (!claimed) {
    // Lost to another redemption, a revoke or the expiry: this session must never complete.
    await deps.records.sessions.cancel(
      { tenantId, id: session.sessionId, state: 'PENDING' },
      { failureCode: 'CANCELLED:binding-link-used', updatedAt },
    );
    throw refuseJobInState(await findBindingJob(deps, address), 'link');
  }
  return {
    job: { ...job, state: 'REQUEST_DELIVERED' as const, sessionId: session.sessionId, updatedAt },
    creationOptions: session.clientRequest,
    completionToken,
  };
}
