/**
 * Keyform's embedded SDK (Beyond Identity compatible), served at /sdk/embedded.js with its types
 * at /sdk/embedded.d.ts: `import { Embedded } from '{keyform}/sdk/embedded.js'`.
 */
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import { AuthenticatePasskeyError } from '../authentication/AuthenticatePasskeyError';
import type { AuthenticateResponse } from '../authentication/AuthenticateResponse';
import { authenticatePasskey } from '../authentication/authenticatePasskey';
import { createAuthenticationClient } from '../authentication/createAuthenticationClient';
import { parseAuthenticateUrl } from '../authentication/parseAuthenticateUrl';
import { bindPasskey } from '../binding/bindPasskey';
import { createBindingClient } from '../binding/createBindingClient';
import type { BindPasskeyResponse, Passkey } from '../binding/Passkey';
import { parseBindUrl } from '../binding/parseBindUrl';
import {
  forgetPasskey,
  type PasskeyStore,
  readPasskeys,
  rememberPasskey,
  touchPasskey,
} from '../binding/passkeyMemory';

export type { AuthenticateErrorCode } from '../authentication/AuthenticatePasskeyError';
export { AuthenticatePasskeyError } from '../authentication/AuthenticatePasskeyError';
export type { AuthenticateResponse } from '../authentication/AuthenticateResponse';

export type { BindErrorCode } from '../binding/BindPasskeyError';
export { BindPasskeyError } from '../binding/BindPasskeyError';
export type { BindPasskeyResponse, Passkey } from '../binding/Passkey';

export interface EmbeddedConfig {
  /**
   * Hosts the SDK may send a link's token to (a domain allows its subdomains; `host:port`
   * matches exactly). Default: the Keyform that served this file. The page's own host is
   * always added, as Beyond Identity's SDK does.
   */
  allowedDomains?: string[];
}

/**
 * Beyond Identity's embedded SDK surface for Keyform: `Embedded.initialize()`, then
 * `isBindPasskeyUrl(url)`, `bindPasskey(url)`, `isAuthenticateUrl(url)`, `authenticate(url)` and
 * `getPasskeys()`. Served at `/sdk/embedded.js`.
 */
export class Embedded {
  readonly #allowedDomains: string[];
  readonly #store: PasskeyStore | null;

  private constructor(allowedDomains: string[], store: PasskeyStore | null) {
    this.#allowedDomains = allowedDomains;
    this.#store = store;
  }

  static initialize = async (config: EmbeddedConfig = {}): Promise<Embedded> => {
    const domains = config.allowedDomains ?? [new URL(import.meta.url).host];
    return new Embedded([...domains, window.location.host], localStore());
  };

  /** Whether `url` is a binding link or a binding redirect this SDK can bind with. */
  isBindPasskeyUrl = (url: string): boolean => parseBindUrl(url) !== null;

  /** Bind a passkey to this browser with a binding link; rejects with a BindPasskeyError. */
  bindPasskey = async (url: string): Promise<BindPasskeyResponse> => {
    const result = await bindPasskey({
      url,
      allowedDomains: this.#allowedDomains,
      client: createBindingClient(),
      startRegistration,
      browserSupportsWebAuthn,
    });
    rememberPasskey(this.#store, result.passkey);
    return result;
  };

  /** Whether `url` is an authentication link this SDK can sign in with. */
  isAuthenticateUrl = (url: string): boolean => parseAuthenticateUrl(url) !== null;

  /**
   * Sign in with a passkey through an authentication link (`authenticationUrl` of a sign-in your
   * backend started with `{link: true}`); rejects with an AuthenticatePasskeyError. With
   * `passkeyId` (a getPasskeys() entry's `id`) only that passkey is offered. Your backend then
   * reads the sign-in session with its API token. Beyond Identity's `authenticate(url, passkeyId)`
   * takes an OpenID Connect authorize URL instead: that flow is a later Keyform issue.
   */
  authenticate = async (url: string, passkeyId?: string): Promise<AuthenticateResponse> => {
    try {
      const signedIn = await authenticatePasskey({
        url,
        ...(passkeyId === undefined ? {} : { passkeyId }),
        passkeys: readPasskeys(this.#store),
        allowedDomains: this.#allowedDomains,
        client: createAuthenticationClient(),
        startAuthentication,
        browserSupportsWebAuthn,
      });
      touchPasskey(this.#store, signedIn.passkeyId, signedIn.authenticatedAt);
      const { userId, authenticatedAt } = signedIn;
      return { passkeyId: signedIn.passkeyId, userId, authenticatedAt };
    } catch (error) {
      // The server no longer knows this passkey (deleted): getPasskeys() must stop offering it.
      if (
        error instanceof AuthenticatePasskeyError &&
        error.code === 'unknownCredential' &&
        error.credentialId !== null
      ) {
        forgetPasskey(this.#store, error.credentialId);
      }
      throw error;
    }
  };

  /**
   * The passkeys this browser bound through the SDK on this origin, as the server last answered
   * for them: `lastUsedAt` after a sign-in, and without those it answered UNKNOWN_CREDENTIAL for.
   */
  getPasskeys = async (): Promise<Passkey[]> => readPasskeys(this.#store);
}

function localStore(): PasskeyStore | null {
  try {
    return window.localStorage;
  } catch {
    // Some privacy settings throw on mere access; binding works without the local list.
    return null;
  }
}
