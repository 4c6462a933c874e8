import type { RegistrationResponseJSON } from '@simplewebauthn/browser';
import type { CompletedBinding, RedeemedLink } from './BindingApi';
import { BindPasskeyError } from './BindPasskeyError';
import { classifyApiError } from './classifyApiError';
import type { BindLink } from './parseBindUrl';

/**
 * The two calls a binding makes: redeem the link (its token in the query, as Beyond Identity's
 * link carries it) and complete with the browser's response. No cookies travel: the tokens
 * are the only authority.
 */
export function createBindingClient({ fetch: send = globalThis.fetch.bind(globalThis) } = {}) {
  const jobUrl = (link: BindLink) =>
    `${link.apiBaseUrl}/v1/tenants/${encodeURIComponent(link.tenantId)}/realms/${encodeURIComponent(link.realmId)}/identities/${encodeURIComponent(link.identityId)}/credential-binding-jobs/${encodeURIComponent(link.jobId)}`;

  const post = async <T>(url: string, body: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
    } catch (cause) {
      // CORS refusals land here too: the browser hides the answer of an untrusted origin.
      throw new BindPasskeyError('network', `could not reach ${new URL(url).origin}`, { cause });
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) throw classifyApiError(response.status, json);
    return json as T;
  };

  return {
    redeem: (link: BindLink) =>
      post<RedeemedLink>(
        `${jobUrl(link)}:invokeAuthenticator?token=${encodeURIComponent(link.token)}`,
        {},
      ),
    complete: (link: BindLink, completionToken: string, response: RegistrationResponseJSON) =>
      post<CompletedBinding>(`${jobUrl(link)}:complete`, {
        completion_token: completionToken,
        client_response: response,
      }),
  };
}

export type BindingClient = ReturnType<typeof createBindingClient>;
