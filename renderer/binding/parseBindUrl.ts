/** What a binding URL addresses: Keyform's API and the job, with the link's token. */
export interface BindLink {
  apiBaseUrl: string;
  tenantId: string;
  realmId: string;
  identityId: string;
  jobId: string;
  token: string;
}

const linkPath =
  /^\/v1\/tenants\/([^/]+)\/realms\/([^/]+)\/identities\/([^/]+)\/credential-binding-jobs\/([^/:]+):invokeAuthenticator$/;
const idShape = /^[A-Za-z0-9_.-]{1,128}$/;
const tokenShape = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * Parse either form Beyond Identity hands out: the `credential_binding_link`
 * (`…/credential-binding-jobs/{job}:invokeAuthenticator?token=…`, RETURN), or the invoke URL a
 * mailed link redirects to (`{invoke_url}/bind#api_base_url=…&tenant_id=…&realm_id=…&identity_id=…&job_id=…&token=…`,
 * parameters in the fragment or, as Beyond Identity sends them, the query). Anything else is null.
 */
export function parseBindUrl(url: string): BindLink | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!isWeb(parsed)) return null;
  const match = linkPath.exec(parsed.pathname);
  if (match) {
    const [tenantId, realmId, identityId, jobId] = match.slice(1).map(decode);
    return checked({
      apiBaseUrl: parsed.origin,
      tenantId,
      realmId,
      identityId,
      jobId,
      token: parsed.searchParams.get('token'),
    });
  }
  if (!/\/bind\/?$/.test(parsed.pathname)) return null;
  const fragment = new URLSearchParams(parsed.hash.slice(1));
  const params = fragment.has('token') ? fragment : parsed.searchParams;
  const api = params.get('api_base_url');
  const apiUrl = api === null ? null : safeUrl(api);
  return checked({
    apiBaseUrl: apiUrl && isWeb(apiUrl) ? apiUrl.origin : null,
    tenantId: params.get('tenant_id'),
    realmId: params.get('realm_id'),
    identityId: params.get('identity_id'),
    jobId: params.get('job_id'),
    token: params.get('token'),
  });
}

type Loose = { [K in keyof BindLink]: string | null | undefined };

function checked(link: Loose): BindLink | null {
  const { apiBaseUrl, token, ...ids } = link;
  if (!apiBaseUrl || !token || !tokenShape.test(token)) return null;
  if (!Object.values(ids).every((id) => typeof id === 'string' && idShape.test(id))) return null;
  return link as BindLink;
}

function isWeb(url: URL) {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

function safeUrl(text: string) {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function decode(segment: string | undefined) {
  try {
    return segment === undefined ? undefined : decodeURIComponent(segment);
  } catch {
    // A malformed escape is a broken link, not a crash.
    return undefined;
  }
}
