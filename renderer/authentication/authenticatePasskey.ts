import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { isAllowedDomain } from '../binding/isAllowedDomain';
import type { Passkey } from '../binding/Passkey';
import { runPasskeyCeremony, type StartAuthentication } from '../passkey/runPasskeyCeremony';
import { type AuthenticateErrorCode, AuthenticatePasskeyError } from './AuthenticatePasskeyError';
import type {
  AuthenticationClient,
  CompletedAuthenticationLink,
} from './createAuthenticationClient';
import { parseAuthenticateUrl } from './parseAuthenticateUrl';

/**
 * `authenticate(url, passkeyId?)`: check the link and its API host, redeem it for the request
 * options, run navigator.credentials.get() and complete the sign-in. With `passkeyId` (a
 * getPasskeys() entry's `id` or `passkeyId`, as Beyond Identity's SDK takes one) only that
 * passkey is offered. Every failure is an AuthenticatePasskeyError with a closed code. The
 * browser calls come in as options, so this runs under test without a browser.
 */
export async function authenticatePasskey({
  url,
  passkeyId,
  passkeys,
  allowedDomains,
  client,
  startAuthentication,
  browserSupportsWebAuthn,
  now,
}: {
  url: string;
  passkeyId?: string;
  /** The passkeys this browser remembers (getPasskeys()), to find `passkeyId` among. */
  passkeys: readonly Passkey[];
  allowedDomains: readonly string[];
  client: AuthenticationClient;
  startAuthentication: StartAuthentication;
  browserSupportsWebAuthn: () => boolean;
  now?: () => number;
}): Promise<CompletedAuthenticationLink> {
  const link = parseAuthenticateUrl(url);
  if (!link) throw new AuthenticatePasskeyError('invalidLink', 'not an authentication link');
  // Never hand a link's secret to a host the page did not allow.
  if (!isAllowedDomain(link.apiBaseUrl, allowedDomains)) {
    throw new AuthenticatePasskeyError(
      'domainNotAllowed',
      `${new URL(link.apiBaseUrl).host} is not in allowedDomains (${allowedDomains.join(', ')})`,
    );
  }
  const chosen =
    passkeyId === undefined
      ? undefined
      : passkeys.find((p) => p.id === passkeyId || p.passkeyId === passkeyId);
  if (passkeyId !== undefined && !chosen) {
    throw new AuthenticatePasskeyError(
      'unknownPasskey',
      `no passkey '${passkeyId}' on this browser`,
    );
  }
  if (!browserSupportsWebAuthn()) {
    throw new AuthenticatePasskeyError('notSupported', 'this browser cannot use passkeys');
  }
  const redeemed = await client.redeem(link);
  const requestOptions = chosen
    ? narrowTo(redeemed.clientRequest, chosen.id)
    : redeemed.clientRequest;
  const ceremony = await runPasskeyCeremony({
    requestOptions,
    startAuthentication,
    browserSupportsWebAuthn: () => true, // checked above, before the redeem
    now,
  });
  if (!ceremony.ok) {
    // A sign-in never reports alreadyRegistered; were a browser to, it is nothing the page can fix.
    const code: AuthenticateErrorCode =
      ceremony.reason === 'alreadyRegistered' ? 'unknown' : ceremony.reason;
    throw new AuthenticatePasskeyError(code, `no passkey signed in (${code})`, {
      cause: ceremony.error,
    });
  }
  return client.complete(link, ceremony.response);
}

/**
 * Offer only `credentialId`: refused here, before any prompt, when the server's options name
 * other passkeys (the server would refuse it with CREDENTIAL_NOT_ALLOWED).
 */
function narrowTo(options: PublicKeyCredentialRequestOptionsJSON, credentialId: string) {
  const listed = options.allowCredentials;
  const named = listed?.find((c) => c.id === credentialId);
  if (listed && listed.length > 0 && !named) {
    throw new AuthenticatePasskeyError(
      'passkeyNotAllowed',
      'this sign-in is for another account than the passkey asked for',
    );
  }
  return {
    ...options,
    allowCredentials: [named ?? { id: credentialId, type: 'public-key' as const }],
  };
}
