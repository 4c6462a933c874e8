import {
  type AuthenticationSessionKey,
  findAuthenticationSession,
} from './authentication/findAuthenticationSession';
import type { IdentityDeps } from './IdentityDeps';
import {
  type AuthenticationSessionView,
  toAuthenticationSessionView,
} from './toAuthenticationSessionView';

/** A sign-in session as its client sees it. */
export async function getAuthenticationSession(
  deps: IdentityDeps,
  key: AuthenticationSessionKey,
): Promise<AuthenticationSessionView> {
  const session = await findAuthenticationSession(deps, key);
  return toAuthenticationSessionView(session, deps.now());
}
