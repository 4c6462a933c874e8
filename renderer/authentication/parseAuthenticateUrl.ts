/** What an authentication link addresses: Keyform's API, and the link's secret. */
export interface AuthenticateLink {
  apiBaseUrl: string;
  token: string;
}

const tokenShape = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * Parse an authentication link, `{keyform}/authenticate#token=…` (the `authenticationUrl` of a
 * sign-in started with `{link: true}`): the secret travels in the fragment, which no server and
 * no Referer sees. Anything else is null.
 */
export function parseAuthenticateUrl(url: string): AuthenticateLink | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (!/^\/authenticate\/?$/.test(parsed.pathname)) return null;
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token');
  if (token === null || !tokenShape.test(token)) return null;
  return { apiBaseUrl: parsed.origin, token };
}
