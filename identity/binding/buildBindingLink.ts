import type { BindingJobRecord } from '../../storage/BindingJobRecord';

/**
 * Beyond Identity's `credential_binding_link`: opening it (GET) leads to the authenticator,
 * posting to it redeems the token. Path segments are encoded; ids are URL-safe anyway.
 */
export function buildBindingLink({
  publicUrl,
  tenantId,
  storeName,
  userId,
  jobId,
  token,
}: {
  publicUrl: string;
  tenantId: string;
  storeName: string;
  userId: string;
  jobId: string;
  token: string;
}) {
  const path = [tenantId, storeName, userId].map(encodeURIComponent);
  return `${publicUrl}/v1/tenants/${path[0]}/realms/${path[1]}/identities/${path[2]}/credential-binding-jobs/${encodeURIComponent(jobId)}:invokeAuthenticator?token=${encodeURIComponent(token)}`;
}

/** The link of `job` with its (plain) token, under the public URL. */
export function linkOf(
  { publicUrl }: { publicUrl: string },
  job: Pick<BindingJobRecord, 'tenantId' | 'storeName' | 'userId' | 'id'>,
  token: string,
) {
  return buildBindingLink({ publicUrl, ...job, jobId: job.id, token });
}
