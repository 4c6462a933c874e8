import type { AuthenticationSessionRecord } from '../../storage/AuthenticationSessionRecord';
import { hashSecret } from '../hashSecret';
import type { IdentityDeps } from '../IdentityDeps';
import { IdentityError } from '../IdentityError';

/**
 * The sign-in session an authentication link's secret belongs to. The secret is looked up by its
 * hash (a unique index), so it is never compared in a way that leaks; an unknown secret, and one
 * whose session was purged, are the same AUTHENTICATION_LINK_INVALID.
 */
export async function findLinkedSession(
  deps: Pick<IdentityDeps, 'records'>,
  token: string,
): Promise<AuthenticationSessionRecord | undefined> {
  const key = await deps.records.authenticationLinks.findByHash(hashSecret(token));
  return key && deps.records.authenticationSessions.find(key);
}

/** The error for a secret no session has. */
export function invalidLink() {
  return new IdentityError(
    'AUTHENTICATION_LINK_INVALID',
    'the authentication link is not valid (unknown, mistyped or purged)',
  );
}
