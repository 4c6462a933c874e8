import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticatePasskeyError } from '../../renderer/authentication/AuthenticatePasskeyError';
import { authenticatePasskey } from '../../renderer/authentication/authenticatePasskey';
import { classifyAuthenticateApiError } from '../../renderer/authentication/classifyAuthenticateApiError';
import { createAuthenticationClient } from '../../renderer/authentication/createAuthenticationClient';
import { parseAuthenticateUrl } from '../../renderer/authentication/parseAuthenticateUrl';
import type { Passkey } from '../../renderer/binding/Passkey';
import {
  forgetPasskey,
  type PasskeyStore,
  readPasskeys,
  rememberPasskey,
  touchPasskey,
} from '../../renderer/binding/passkeyMemory';
import type { StartAuthentication } from '../../renderer/passkey/runPasskeyCeremony';
import { authStartUrl, userWithPasskey } from '../support/authenticationHelpers';
import { buildTestApp, type Json, type TestApp, testOrigin } from '../support/buildTestApp';

const token = 'T'.repeat(43);

describe('parseAuthenticateUrl / isAuthenticateUrl', () => {
  it('reads `{keyform}/authenticate#token=…`', () => {
    expect(parseAuthenticateUrl(`https://id.example.com/authenticate#token=${token}`)).toEqual({
      apiBaseUrl: 'https://id.example.com',
      token,
    });
  });

  it('refuses everything else, a secret outside the fragment included', () => {
    for (const url of [
      'not a url',
      `https://id.example.com/authenticate?token=${token}`,
      `https://id.example.com/bind#token=${token}`,
      `https://id.example.com/authenticate#token=short`,
      `https://id.example.com/authenticate#token=${token}!`,
      `javascript:alert(1)//authenticate#token=${token}`,
      'https://id.example.com/authenticate',
    ]) {
      expect(parseAuthenticateUrl(url)).toBeNull();
    }
  });
});

describe('classifyAuthenticateApiError', () => {
  it("turns the server's codes into the SDK's closed set, keeping the credential", () => {
    const cases: Array<[number, string | undefined, string]> = [
      [410, 'AUTHENTICATION_LINK_USED', 'usedLink'],
      [409, 'SESSION_ALREADY_COMPLETED', 'usedLink'],
      [410, 'SESSION_EXPIRED', 'expiredLink'],
      [409, 'SESSION_CANCELLED', 'revokedLink'],
      [409, 'SESSION_FAILED', 'failedLink'],
      [401, 'AUTHENTICATION_LINK_INVALID', 'invalidLink'],
      [400, 'UNKNOWN_CREDENTIAL', 'unknownCredential'],
      [400, 'CREDENTIAL_NOT_ALLOWED', 'passkeyNotAllowed'],
      [422, 'USER_DISABLED', 'userDisabled'],
      [400, 'SIGNATURE_INVALID', 'verificationFailed'],
      [403, 'ORIGIN_NOT_TRUSTED', 'originNotTrusted'],
      [429, 'RATE_LIMITED', 'rateLimited'],
      [418, 'constructor', 'unknown'],
      [500, undefined, 'server'],
    ];
    for (const [status, code, expected] of cases) {
      const body = code ? { error: { code, message: 'm' } } : 'garbage';
      const error = classifyAuthenticateApiError(status, body, 'CRED');
      expect(error).toBeInstanceOf(AuthenticatePasskeyError);
      expect([error.code, error.status, error.apiCode, error.credentialId]).toEqual([
        expected,
        status,
        code ?? null,
        'CRED',
      ]);
    }
  });
});

function memoryStore(): PasskeyStore {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

const localPasskey = (id: string, passkeyId: string): Passkey => ({
  id,
  passkeyId,
  created: '2026-01-01T00:00:00.000Z',
  state: 'Active',
  keyType: 'webauthn',
  tenant: { id: 'default', displayName: 'default' },
  realm: { id: 'default', displayName: 'default' },
  identity: { id: 'U1', username: 'ada' },
  theme: { logoUrlLight: '', logoUrlDark: '' },
});

describe('passkeyMemory after a sign-in', () => {
  it('touchPasskey sets lastUsedAt on that passkey only; forgetPasskey drops one by credential ID', () => {
    const store = memoryStore();
    rememberPasskey(store, localPasskey('CRED1', 'PK1'));
    rememberPasskey(store, localPasskey('CRED2', 'PK2'));
    touchPasskey(store, 'PK2', '2026-02-02T00:00:00.000Z');
    touchPasskey(store, 'PK-unknown', '2026-03-03T00:00:00.000Z');
    expect(readPasskeys(store).map((p) => [p.id, p.lastUsedAt])).toEqual([
      ['CRED1', undefined],
      ['CRED2', '2026-02-02T00:00:00.000Z'],
    ]);
    forgetPasskey(store, 'CRED1');
    forgetPasskey(store, 'CRED-unknown');
    expect(readPasskeys(store).map((p) => p.id)).toEqual(['CRED2']);
  });
});

describe('authenticatePasskey against a real Keyform (inject) and the software authenticator', () => {
  let t: TestApp;
  let calls: string[];
  beforeEach(async () => {
    t = await buildTestApp();
    calls = [];
  });
  afterEach(async () => t.close());

  /** The browser's fetch, answered by the test app, from the integrator's origin. */
  const fetchVia = (tt: TestApp): typeof fetch =>
    (async (url: string, init: RequestInit) => {
      calls.push(new URL(url).pathname);
      const reply = await tt.app.inject({
        method: 'POST',
        url: new URL(url).pathname,
        headers: { 'content-type': 'application/json', origin: testOrigin },
        payload: init.body as string,
      });
      return new Response(reply.body, { status: reply.statusCode });
    }) as typeof fetch;

  async function linkFor(user: string | null) {
    const started = await t.request('POST', authStartUrl(user), { body: { link: true } });
    return started.body.authenticationUrl as string;
  }

  const run = (
    url: string,
    startAuthentication: StartAuthentication,
    extra: { passkeyId?: string; passkeys?: Passkey[]; allowedDomains?: string[] } = {},
  ) =>
    authenticatePasskey({
      url,
      passkeys: extra.passkeys ?? [],
      allowedDomains: extra.allowedDomains ?? ['localhost:3000'],
      client: createAuthenticationClient({ fetch: fetchVia(t) }),
      startAuthentication,
      browserSupportsWebAuthn: () => true,
      ...(extra.passkeyId ? { passkeyId: extra.passkeyId } : {}),
    });

  it('redeems, asks the authenticator, completes: the server’s sign-in', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const signedIn = await run(await linkFor(user.id), async ({ optionsJSON }) =>
      authenticator.getAssertion(optionsJSON),
    );
    expect(signedIn).toMatchObject({
      passkeyId: passkey.id,
      credentialId: passkey.credentialId,
      userId: user.id,
    });
    expect(calls).toEqual([
      '/api/authentication-links/redeem',
      '/api/authentication-links/complete',
    ]);
  });

  it('hands the secret to no host outside allowedDomains, and asks for no unknown passkeyId', async () => {
    const { user, authenticator } = await userWithPasskey(t);
    const url = await linkFor(user.id);
    const never: StartAuthentication = async () => {
      throw new Error('the authenticator must not be asked');
    };
    await expect(run(url, never, { allowedDomains: ['example.com'] })).rejects.toMatchObject({
      code: 'domainNotAllowed',
    });
    await expect(run(url, never, { passkeyId: 'nope' })).rejects.toMatchObject({
      code: 'unknownPasskey',
    });
    expect(calls).toEqual([]);
    // A local passkey the server's options do not list is refused before any prompt.
    await expect(
      run(url, never, { passkeyId: 'PK9', passkeys: [localPasskey('CRED9', 'PK9')] }),
    ).rejects.toMatchObject({ code: 'passkeyNotAllowed' });
    // The link is still good.
    const ok = await run(url, async ({ optionsJSON }) => authenticator.getAssertion(optionsJSON));
    expect(ok.userId).toBe(user.id);
  });

  it('with passkeyId offers only that credential, even usernameless', async () => {
    const { authenticator, passkey } = await userWithPasskey(t);
    let offered: Json;
    const local = localPasskey(passkey.credentialId, passkey.id);
    await run(
      await linkFor(null),
      async ({ optionsJSON }) => {
        offered = optionsJSON.allowCredentials;
        return authenticator.getAssertion(optionsJSON);
      },
      { passkeyId: passkey.id, passkeys: [local] },
    );
    expect(offered).toEqual([{ id: passkey.credentialId, type: 'public-key' }]);
  });

  it('reports the credential the server does not know (unknownCredential)', async () => {
    const { user, authenticator, passkey } = await userWithPasskey(t);
    const deleted = await t.request(
      'DELETE',
      `/api/identity-store/stores/default/users/${user.id}/passkeys/${passkey.id}`,
    );
    expect(deleted.status).toBeLessThan(300);
    const error = await run(await linkFor(null), async ({ optionsJSON }) =>
      authenticator.getAssertion(optionsJSON),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticatePasskeyError);
    expect(error).toMatchObject({
      code: 'unknownCredential',
      apiCode: 'UNKNOWN_CREDENTIAL',
      credentialId: passkey.credentialId,
    });
  });

  it('classifies a dismissed prompt and sends nothing to complete', async () => {
    const { user } = await userWithPasskey(t);
    const dismissed: StartAuthentication = async () => {
      // What the browser rejects with once a prompt was shown and dismissed.
      await new Promise((resolve) => setTimeout(resolve, 350));
      throw new DOMException(
        'The operation either timed out or was not allowed.',
        'NotAllowedError',
      );
    };
    await expect(run(await linkFor(user.id), dismissed)).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(calls).toEqual(['/api/authentication-links/redeem']);
  });
});
