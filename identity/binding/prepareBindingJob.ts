import { isoNow } from '../../core/isoNow';
import { randomId } from '../../core/randomId';
import type { BindingJobRecord, DeliveryMethod } from '../../storage/BindingJobRecord';
import { findRegistrationPolicy } from '../findRelyingParty';
import { findUser } from '../findUser';
import { hashSecret } from '../hashSecret';
import { IdentityError, invalidField } from '../IdentityError';
import type { BindingDeps } from './BindingDeps';
import { hostedWebConfigId } from './builtinAuthenticatorConfig';
import { ceremonyOf } from './ceremonyOf';
import { checkWebUrl } from './checkWebUrl';
import { findAuthenticatorConfig } from './findAuthenticatorConfig';

export interface BindingJobRequest {
  deliveryMethod: DeliveryMethod;
  authenticatorConfigId?: string;
  postBindingRedirectUri?: string;
  ttlSeconds?: number;
}

/**
 * Check a job request against its identity, config and relying party, and build the job and its
 * link token (256 random bits, kept only as a hash). Nothing is written: a batch checks every
 * request before storing any.
 */
export async function prepareBindingJob(
  deps: BindingDeps,
  {
    tenantId,
    storeName,
    userId,
    request,
  }: { tenantId: string; storeName: string; userId: string; request: BindingJobRequest },
) {
  const {
    deliveryMethod,
    authenticatorConfigId = hostedWebConfigId,
    postBindingRedirectUri,
    ttlSeconds = deps.bindingTtlSeconds,
  } = request;
  const user = await findUser(deps, { tenantId, storeName, userId });
  // Beyond Identity: a suspended identity cannot generate passkeys.
  if (user.status !== 'ACTIVE') {
    throw new IdentityError(
      'IDENTITY_SUSPENDED',
      `identity '${userId}' is suspended (${user.status})`,
    );
  }
  if (deliveryMethod === 'EMAIL' && !user.email) {
    throw new IdentityError(
      'IDENTITY_HAS_NO_EMAIL',
      `identity '${userId}' has no primary_email_address to send the link to`,
    );
  }
  if (ttlSeconds < 60 || ttlSeconds > deps.bindingMaxTtlSeconds) {
    throw invalidField(
      '/ttl_seconds',
      `${ttlSeconds} is not within 60..${deps.bindingMaxTtlSeconds}`,
    );
  }
  if (postBindingRedirectUri !== undefined) {
    checkWebUrl('/job/post_binding_redirect_uri', postBindingRedirectUri);
  }
  const config = findAuthenticatorConfig(deps, { tenantId, storeName, id: authenticatorConfigId });
  // Found now rather than at redemption: a job that can never be redeemed should not be sent.
  findRegistrationPolicy(deps, { tenantId, ...ceremonyOf(config, deps.publicUrl) });

  const token = randomId(deps, 256);
  const now = isoNow(deps);
  const job: BindingJobRecord = {
    id: randomId(deps),
    tenantId,
    storeName,
    userId: user.id,
    deliveryMethod,
    state: 'LINK_SENT',
    postBindingRedirectUri: postBindingRedirectUri ?? null,
    authenticatorConfigId: config.id,
    tokenHash: hashSecret(token),
    completionHash: null,
    sessionId: null,
    credentialId: null,
    failureCode: null,
    expiresAt: deps.now() + ttlSeconds * 1000,
    createdAt: now,
    updatedAt: now,
  };
  return { job, token, user };
}

export type PreparedBindingJob = Awaited<ReturnType<typeof prepareBindingJob>>;
