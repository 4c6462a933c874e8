/**
 * Keyform's embedded SDK (Beyond Identity compatible), served at /sdk/embedded.js with its types
 * at /sdk/embedded.d.ts: `import { Embedded } from '{keyform}/sdk/embedded.js'`.
 */
import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { bindPasskey } from '../binding/bindPasskey';
import { createBindingClient } from '../binding/createBindingClient';
import type { BindPasskeyResponse, Passkey } from '../binding/Passkey';
import { parseBindUrl } from '../binding/parseBindUrl';
import { type PasskeyStore, readPasskeys, rememberPasskey } from '../binding/passkeyMemory';

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
 * `isBindPasskeyUrl(url)`, `bindPasskey(url)` and `getPasskeys()`. Served at `/sdk/embedded.js`.
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

  /** The passkeys this browser bound through the SDK on this origin. */
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
