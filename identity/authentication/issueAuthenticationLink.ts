import { randomId } from '../../core/randomId';
import { hashSecret } from '../hashSecret';
import type { IdentityDeps } from '../IdentityDeps';
import { IdentityError } from '../IdentityError';

/**
 * Give a freshly started sign-in session an authentication link, the sign-in counterpart of a
 * binding link: `{publicUrl}/authenticate#token=…`, for the embedded SDK's `authenticate(url)`.
 * The secret (256 bits) sits in the fragment, so it reaches no server log and no Referer; it is
 * kept only as its sha256 on the session, and dies with it (single use, same expiry).
 */
export async function issueAuthenticationLink(
  deps: Pick<IdentityDeps, 'records' | 'randomBytes'> & { publicUrl: string },
  { tenantId, sessionId }: { tenantId: string; sessionId: string },
) {
  const token = randomId(deps, 256);
  const attached = await deps.records.authenticationLinks.attach(
    { tenantId, id: sessionId },
    hashSecret(token),
  );
  // Only a session this request just started is given a link: anything else is a broken contract.
  if (!attached) {
    throw new IdentityError('SESSION_NOT_FOUND', `session '${sessionId}' cannot take a link`);
  }
  return `${deps.publicUrl}/authenticate#token=${token}`;
}
