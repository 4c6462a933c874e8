/** What `binding.json` holds: the authenticator configs of every tenant's realms. */
export interface BindingDefinitions {
  authenticatorConfigs: AuthenticatorConfigRecord[];
}

/** Beyond Identity's authenticator config: where a binding link sends the browser. */
export interface AuthenticatorConfigRecord {
  id: string;
  tenantId: string;
  /** The identity store (realm) the config belongs to. */
  storeName: string;
  displayName: string | null;
  type: 'embedded' | 'hosted_web';
  /** Absolute URL; a binding link redirects to `{invokeUrl}/bind#...`. */
  invokeUrl: string;
  /** Origins the embedded SDK may call the link endpoints from (CORS). */
  trustedOrigins: string[];
  invocationType: 'automatic' | 'manual';
  /** Keyform extension: the relying party the ceremony runs under (default: the public URL's host). */
  rpId: string | null;
  /** Keyform extension: the registration policy of that RP (default: `default`). */
  registrationPolicy: string | null;
  createdAt: string;
  updatedAt: string;
}
