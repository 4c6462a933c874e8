import type { AuthenticatorConfigRecord } from '../../storage/BindingDefinitions';

/**
 * Where an opened link sends the browser: `{invoke_url}/bind` with Beyond Identity's parameters.
 * They travel in the fragment, not the query, so the token never reaches a server or its logs
 * (the SDK reads both forms).
 */
export function buildInvokeUrl(
  config: Pick<AuthenticatorConfigRecord, 'invokeUrl'>,
  params: {
    apiBaseUrl: string;
    tenantId: string;
    storeName: string;
    userId: string;
    jobId: string;
    token: string;
  },
) {
  const url = new URL(config.invokeUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/bind`;
  url.hash = new URLSearchParams({
    api_base_url: params.apiBaseUrl,
    tenant_id: params.tenantId,
    realm_id: params.storeName,
    identity_id: params.userId,
    job_id: params.jobId,
    token: params.token,
  }).toString();
  return url.href;
}
