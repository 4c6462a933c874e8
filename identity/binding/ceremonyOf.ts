import type { AuthenticatorConfigRecord } from '../../storage/BindingDefinitions';

/**
 * The relying party and policy a config's registrations run under: its own, or the RP whose ID
 * is the public URL's host (the one `npm start` seeds) with policy `default`.
 */
export function ceremonyOf(config: AuthenticatorConfigRecord, publicUrl: string) {
  return {
    rpId: config.rpId ?? new URL(publicUrl).hostname,
    policyName: config.registrationPolicy ?? 'default',
  };
}
