import type { AuthenticationSessionRecord } from '../../storage/AuthenticationSessionRecord';
import type { AuthenticationLinkDeps } from './AuthenticationLinkDeps';

/**
 * The browser origins that may call an authentication link's routes (CORS): Keyform's own, the
 * origins of the session's relying party (the only places its WebAuthn ceremony can run) and the
 * trusted origins of its store's authenticator configs, as for a binding link. Another tenant's
 * RP or store adds nothing.
 */
export function linkOriginsOf(
  deps: AuthenticationLinkDeps,
  {
    tenantId,
    storeName,
    rpId,
  }: Pick<AuthenticationSessionRecord, 'tenantId' | 'storeName' | 'rpId'>,
): Set<string> {
  const rp = deps.definitions
    .read()
    .relyingParties.find((r) => r.tenantId === tenantId && r.rpId === rpId);
  const configs = deps.binding
    .read()
    .authenticatorConfigs.filter((c) => c.tenantId === tenantId && c.storeName === storeName);
  return new Set([
    deps.publicUrl,
    ...(rp?.origins ?? []),
    ...configs.flatMap((c) => c.trustedOrigins),
  ]);
}

/**
 * Every origin some link could trust: what a preflight, which carries no token and so names no
 * session, and a request whose token names none, are answered against. A request whose token
 * names a session is held to that session's origins (linkOriginsOf).
 */
export function anyLinkOrigin(deps: AuthenticationLinkDeps): Set<string> {
  return new Set([
    deps.publicUrl,
    ...deps.definitions.read().relyingParties.flatMap((rp) => rp.origins),
    ...deps.binding.read().authenticatorConfigs.flatMap((c) => c.trustedOrigins),
  ]);
}
