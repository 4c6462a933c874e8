import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { AuthenticatePasskeyError } from './AuthenticatePasskeyError';
import { classifyAuthenticateApiError } from './classifyAuthenticateApiError';
import type { AuthenticateLink } from './parseAuthenticateUrl';

/** The link routes' answers (api/routes/authenticationLinkRoutes.ts), as the browser reads them. */
export interface RedeemedAuthenticationLink {
  clientRequest: PublicKeyCredentialRequestOptionsJSON;
  expiresAt: string;
}
export interface CompletedAuthenticationLink {
  passkeyId: string;
  credentialId: string;
  userId: string;
  authenticatedAt: string;
}

/**
 * The two calls a sign-in by link makes: redeem it for the request options, and complete it with
 * the browser's assertion. The secret goes in the body, never in a URL; no cookies travel.
 */
export function createAuthenticationClient({
  fetch: send = globalThis.fetch.bind(globalThis),
} = {}) {
  const post = async <T>(
    link: AuthenticateLink,
    path: string,
    body: object,
    credentialId: string | null,
  ): Promise<T> => {
    const url = `${link.apiBaseUrl}/api/authentication-links/${path}`;
    let response: Response;
    try {
      response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: link.token, ...body }),
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
    } catch (cause) {
      // CORS refusals land here too: the browser hides the answer of an untrusted origin.
      throw new AuthenticatePasskeyError('network', `could not reach ${link.apiBaseUrl}`, {
        cause,
        credentialId,
      });
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) throw classifyAuthenticateApiError(response.status, json, credentialId);
    return json as T;
  };

  return {
    redeem: (link: AuthenticateLink) => post<RedeemedAuthenticationLink>(link, 'redeem', {}, null),
    complete: (link: AuthenticateLink, clientResponse: AuthenticationResponseJSON) =>
      post<CompletedAuthenticationLink>(link, 'complete', { clientResponse }, clientResponse.id),
  };
}

export type AuthenticationClient = ReturnType<typeof createAuthenticationClient>;
