import type { RegistrationResponseJSON } from '@simplewebauthn/browser';
import { describe, expect, it } from 'vitest';
import type { CompletedBinding, RedeemedLink } from '../../renderer/binding/BindingApi';
import { BindPasskeyError } from '../../renderer/binding/BindPasskeyError';
import { bindPasskey } from '../../renderer/binding/bindPasskey';
import { classifyApiError } from '../../renderer/binding/classifyApiError';
import { createBindingClient } from '../../renderer/binding/createBindingClient';
import { isAllowedDomain } from '../../renderer/binding/isAllowedDomain';
import { parseBindUrl } from '../../renderer/binding/parseBindUrl';
import { readPasskeys, rememberPasskey } from '../../renderer/binding/passkeyMemory';
import { parseRoute } from '../../renderer/flow/parseRoute';

const token = 'T'.repeat(43);
const link = `https://id.example.com/v1/tenants/acme/realms/default/identities/ID1/credential-binding-jobs/JOB1:invokeAuthenticator?token=${token}`;
const parsed = {
  apiBaseUrl: 'https://id.example.com',
  tenantId: 'acme',
  realmId: 'default',
  identityId: 'ID1',
  jobId: 'JOB1',
  token,
};
const bindParams = `api_base_url=${encodeURIComponent('https://id.example.com')}&tenant_id=acme&realm_id=default&identity_id=ID1&job_id=JOB1&token=${token}`;

describe('parseBindUrl / isBindPasskeyUrl', () => {
  it('reads the credential_binding_link', () => {
    expect(parseBindUrl(link)).toEqual(parsed);
  });

  it('reads the /bind redirect, fragment or (as Beyond Identity sends it) query', () => {
    expect(parseBindUrl(`https://app.example.com/bind#${bindParams}`)).toEqual(parsed);
    expect(parseBindUrl(`https://app.example.com/passkeys/bind?${bindParams}`)).toEqual(parsed);
  });

  it('refuses everything else', () => {
    for (const url of [
      'not a url',
      `javascript:alert(1)//bind#${bindParams}`,
      link.replace(`?token=${token}`, ''),
      link.replace(token, 'short'),
      link.replace(':invokeAuthenticator', ':revoke'),
      `https://app.example.com/other#${bindParams}`,
      `https://app.example.com/bind#${bindParams.replace('job_id=JOB1&', '')}`,
      `https://app.example.com/bind#${bindParams.replace(encodeURIComponent('https://id.example.com'), 'javascript%3Aalert(1)')}`,
      link.replace('identities/ID1', 'identities/%E0%A4%A'),
    ]) {
      expect(parseBindUrl(url)).toBeNull();
    }
  });

  it('routes /bind to the hosted screen', () => {
    expect(parseRoute('/bind')).toEqual({ kind: 'bind' });
    expect(parseRoute('/bind/')).toEqual({ kind: 'bind' });
    expect(parseRoute('/bindx')).toEqual({ kind: 'unknown' });
  });
});

describe('isAllowedDomain', () => {
  it('allows a listed domain and its subdomains; host:port entries match exactly', () => {
    expect(isAllowedDomain('https://id.example.com', ['example.com'])).toBe(true);
    expect(isAllowedDomain('https://example.com', ['example.com'])).toBe(true);
    expect(isAllowedDomain('https://badexample.com', ['example.com'])).toBe(false);
    expect(isAllowedDomain('http://localhost:3000', ['localhost:3000'])).toBe(true);
    expect(isAllowedDomain('http://localhost:3001', ['localhost:3000'])).toBe(false);
    expect(isAllowedDomain('https://id.example.com', [])).toBe(false);
  });
});

describe('classifyApiError', () => {
  it("turns the server's codes into the SDK's closed set", () => {
    const cases: Array<[number, string | undefined, string]> = [
      [410, 'BINDING_LINK_USED', 'usedLink'],
      [410, 'BINDING_JOB_EXPIRED', 'expiredLink'],
      [410, 'BINDING_JOB_REVOKED', 'revokedLink'],
      [401, 'BINDING_TOKEN_INVALID', 'invalidLink'],
      [409, 'CREDENTIAL_ALREADY_REGISTERED', 'alreadyRegistered'],
      [400, 'CHALLENGE_MISMATCH', 'verificationFailed'],
      [503, 'STORAGE_UNAVAILABLE', 'server'],
      [418, 'constructor', 'unknown'],
      [500, undefined, 'server'],
    ];
    for (const [status, code, expected] of cases) {
      const error = classifyApiError(status, code ? { error: { code, message: 'm' } } : 'garbage');
      expect(error).toBeInstanceOf(BindPasskeyError);
      expect([error.code, error.status, error.apiCode]).toEqual([expected, status, code ?? null]);
    }
  });
});

const redeemed: RedeemedLink = {
  credential_binding_job: {
    id: 'JOB1',
    tenant_id: 'acme',
    realm_id: 'default',
    identity_id: 'ID1',
    state: 'REQUEST_DELIVERED',
    post_binding_redirect_uri: 'https://app.example.com/done',
  },
  creation_options: {
    challenge: 'Y2hhbGxlbmdl',
    rp: { id: 'example.com', name: 'Keyform' },
    user: { id: 'dXNlcg', name: 'ada', displayName: 'Ada' },
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    timeout: 60_000,
  },
  completion_token: 'C'.repeat(43),
};
const completed: CompletedBinding = {
  credential_binding_job: {
    ...redeemed.credential_binding_job,
    state: 'COMPLETE',
    credential_id: 'PK1',
  },
  passkey: {
    id: 'PK1',
    credential_id: 'CRED',
    aaguid: '0000',
    create_time: '2026-01-01T00:00:00.000Z',
  },
  identity: { id: 'ID1', display_name: 'Ada', traits: { username: 'ada', external_id: 'ext-1' } },
};
const browserResponse = {
  id: 'CRED',
  rawId: 'CRED',
  type: 'public-key',
} as RegistrationResponseJSON;

/** A fetch that answers redeem and complete in order, recording what was sent. */
function fakeFetch(answers: Array<{ status: number; body: unknown }>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const { status, body } = answers.shift()!;
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { calls, client: createBindingClient({ fetch: fetch as typeof globalThis.fetch }) };
}

describe('bindPasskey', () => {
  const run = (
    client: ReturnType<typeof createBindingClient>,
    overrides: Partial<Parameters<typeof bindPasskey>[0]> = {},
  ) =>
    bindPasskey({
      url: link,
      allowedDomains: ['example.com'],
      client,
      startRegistration: async () => browserResponse,
      browserSupportsWebAuthn: () => true,
      ...overrides,
    });

  it('redeems, runs the ceremony with the options, completes, and answers like Beyond Identity', async () => {
    const { calls, client } = fakeFetch([
      { status: 200, body: redeemed },
      { status: 200, body: completed },
    ]);
    const result = await run(client);
    expect(calls.map((c) => c.url)).toEqual([
      `https://id.example.com/v1/tenants/acme/realms/default/identities/ID1/credential-binding-jobs/JOB1:invokeAuthenticator?token=${token}`,
      'https://id.example.com/v1/tenants/acme/realms/default/identities/ID1/credential-binding-jobs/JOB1:complete',
    ]);
    expect(calls[0]!.init).toMatchObject({ method: 'POST', credentials: 'omit' });
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({
      completion_token: redeemed.completion_token,
      client_response: browserResponse,
    });
    expect(result).toEqual({
      passkey: {
        id: 'CRED',
        passkeyId: 'PK1',
        created: '2026-01-01T00:00:00.000Z',
        state: 'Active',
        keyType: 'webauthn',
        tenant: { id: 'acme', displayName: 'acme' },
        realm: { id: 'default', displayName: 'default' },
        identity: { id: 'ID1', username: 'ada', displayName: 'Ada', externalId: 'ext-1' },
        theme: { logoUrlLight: '', logoUrlDark: '' },
      },
      postBindingRedirectUri: 'https://app.example.com/done',
    });
  });

  it('never sends the token to a host outside allowedDomains, nor redeems without WebAuthn', async () => {
    const { calls, client } = fakeFetch([]);
    await expect(run(client, { allowedDomains: ['other.com'] })).rejects.toMatchObject({
      code: 'domainNotAllowed',
    });
    await expect(run(client, { browserSupportsWebAuthn: () => false })).rejects.toMatchObject({
      code: 'notSupported',
    });
    await expect(run(client, { url: 'https://example.com/' })).rejects.toMatchObject({
      code: 'invalidLink',
    });
    expect(calls).toHaveLength(0);
  });

  it('classifies a dismissed prompt as cancelled and a used link with the server code', async () => {
    const cancelled = fakeFetch([{ status: 200, body: redeemed }]);
    await expect(
      run(cancelled.client, {
        startRegistration: () => Promise.reject(new DOMException('no', 'NotAllowedError')),
      }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(cancelled.calls).toHaveLength(1);
    const used = fakeFetch([
      { status: 410, body: { error: { code: 'BINDING_LINK_USED', message: 'used' } } },
    ]);
    await expect(run(used.client)).rejects.toMatchObject({
      code: 'usedLink',
      apiCode: 'BINDING_LINK_USED',
    });
    const offline = createBindingClient({
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
    });
    await expect(run(offline)).rejects.toMatchObject({ code: 'network' });
  });
});

describe('passkeyMemory', () => {
  it('remembers bound passkeys once each and survives broken storage', () => {
    const data = new Map<string, string>();
    const store = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    const passkey = { id: 'CRED' } as Parameters<typeof rememberPasskey>[1];
    rememberPasskey(store, passkey);
    rememberPasskey(store, passkey);
    expect(readPasskeys(store)).toEqual([passkey]);
    data.set('keyform.embedded.passkeys', '{not json');
    expect(readPasskeys(store)).toEqual([]);
    expect(readPasskeys(null)).toEqual([]);
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberPasskey(full, passkey)).not.toThrow();
  });
});
