import type { BindingJobRecord } from '../../storage/BindingJobRecord';
import { isPastExpiry } from './isPastExpiry';

/** Beyond Identity's credential binding job; a job past its expiry shows EXPIRED even before it is marked. */
export function toBindingJobView(job: BindingJobRecord, now: number) {
  return {
    id: job.id,
    realm_id: job.storeName,
    tenant_id: job.tenantId,
    identity_id: job.userId,
    delivery_method: job.deliveryMethod,
    state: isPastExpiry(job, now) ? ('EXPIRED' as const) : job.state,
    post_binding_redirect_uri: job.postBindingRedirectUri,
    authenticator_config_id: job.authenticatorConfigId,
    expire_time: new Date(job.expiresAt).toISOString(),
    create_time: job.createdAt,
    update_time: job.updatedAt,
    ...(job.credentialId ? { credential_id: job.credentialId } : {}),
  };
}

export type BindingJobView = ReturnType<typeof toBindingJobView>;
