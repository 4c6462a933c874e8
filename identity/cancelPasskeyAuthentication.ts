import {
  type AuthenticationSessionKey,
  findAuthenticationSession,
} from './authentication/findAuthenticationSession';
import type { IdentityDeps } from './IdentityDeps';
import { cancelSession } from './sessions/cancelSession';
import {
  type AuthenticationSessionView,
  toAuthenticationSessionView,
} from './toAuthenticationSessionView';

/**
 * Cancel a PENDING sign-in (the user backed out, or the browser found no passkey),
 * `failureCode` saying why (default CANCELLED); one already cancelled is returned as it is.
 */
export async function cancelPasskeyAuthentication(
  deps: IdentityDeps,
  { failureCode = 'CANCELLED', ...key }: AuthenticationSessionKey & { failureCode?: string },
): Promise<AuthenticationSessionView> {
  const session = await findAuthenticationSession(deps, key);
  const now = deps.now();
  const cancelled = await cancelSession(deps.records.authenticationSessions, session, {
    now,
    failureCode: failureCode.slice(0, 80),
  });
  return toAuthenticationSessionView(cancelled, now);
}
