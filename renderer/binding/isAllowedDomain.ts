/**
 * Whether the SDK may talk to `apiBaseUrl`: its host is one of `allowedDomains` or a subdomain
 * of one (`example.com` allows `id.example.com`); an entry with a port (`localhost:3000`) must
 * match host and port exactly. The client-side half of Beyond Identity's `allowedDomains`.
 */
export function isAllowedDomain(apiBaseUrl: string, allowedDomains: readonly string[]) {
  let url: URL;
  try {
    url = new URL(apiBaseUrl);
  } catch {
    return false;
  }
  return allowedDomains.some((entry) => {
    const domain = entry.trim().toLowerCase().replace(/\.$/, '');
    if (domain === '') return false;
    if (domain.includes(':')) return url.host === domain;
    return url.hostname === domain || url.hostname.endsWith(`.${domain}`);
  });
}
