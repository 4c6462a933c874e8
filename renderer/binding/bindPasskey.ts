import type { StartRegistration } from '../passkey/runPasskeyCeremony';
import { BindPasskeyError } from './BindPasskeyError';
import type { BindingClient } from './createBindingClient';
import { finishBinding } from './finishBinding';
import { isAllowedDomain } from './isAllowedDomain';
import { parseBindUrl } from './parseBindUrl';

/**
 * `bindPasskey(url)`: check the URL and its API host, redeem the link (once), run WebAuthn and
 * complete the job. Every failure is a BindPasskeyError with a closed code. The browser calls
 * come in as options, so this runs under test without a browser.
 */
export async function bindPasskey({
  url,
  allowedDomains,
  client,
  startRegistration,
  browserSupportsWebAuthn,
  now,
}: {
  url: string;
  allowedDomains: readonly string[];
  client: BindingClient;
  startRegistration: StartRegistration;
  browserSupportsWebAuthn: () => boolean;
  now?: () => number;
}) {
  const link = parseBindUrl(url);
  if (!link) throw new BindPasskeyError('invalidLink', 'not a passkey binding URL');
  // Never hand a link's token to a host the page did not allow.
  if (!isAllowedDomain(link.apiBaseUrl, allowedDomains)) {
    throw new BindPasskeyError(
      'domainNotAllowed',
      `${new URL(link.apiBaseUrl).host} is not in allowedDomains (${allowedDomains.join(', ')})`,
    );
  }
  // Checked before redeeming: a browser without WebAuthn would spend the link for nothing.
  if (!browserSupportsWebAuthn()) {
    throw new BindPasskeyError('notSupported', 'this browser cannot create passkeys');
  }
  const redeemed = await client.redeem(link);
  return finishBinding({ link, redeemed, client, startRegistration, now });
}
