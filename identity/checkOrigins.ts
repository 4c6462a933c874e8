import { invalidField } from './IdentityError';

/**
 * Each origin must be a bare origin whose host is the RP ID or a subdomain of it — the only
 * origins a browser will accept that RP ID from (WebAuthn L3 §5.1.3 step 8).
 */
export function checkOrigins(rpId: string, origins: string[]) {
  origins.forEach((origin, i) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw invalidField(`/origins/${i}`, `'${origin}' is not a URL`);
    }
    if (url.origin !== origin) {
      throw invalidField(
        `/origins/${i}`,
        `'${origin}' is not a bare origin; expected '${url.origin}'`,
      );
    }
    const secure = url.protocol === 'https:' || url.hostname === 'localhost';
    if (!secure) {
      throw invalidField(`/origins/${i}`, `'${origin}' is not https (only localhost may use http)`);
    }
    if (url.hostname !== rpId && !url.hostname.endsWith(`.${rpId}`)) {
      throw invalidField(
        `/origins/${i}`,
        `host '${url.hostname}' is not '${rpId}' or a subdomain of it`,
      );
    }
  });
}
