import { invalidField } from '../IdentityError';

/**
 * An absolute http(s) URL a browser will be sent to; https unless the host is localhost.
 * Anything else (`javascript:`, `data:`, an app scheme) is refused: the SDK and the hosted
 * page navigate to these addresses, and only a web page can run the embedded SDK.
 */
export function checkWebUrl(path: string, value: string, { bareOrigin = false } = {}) {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidField(path, `'${value}' is not an absolute URL`);
  }
  const local = url.hostname === 'localhost' || url.hostname.endsWith('.localhost');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw invalidField(path, `'${value}' is not https (only localhost may use http)`);
  }
  if (bareOrigin && url.origin !== value) {
    throw invalidField(path, `'${value}' is not a bare origin; expected '${url.origin}'`);
  }
  return url;
}
