import type { ConsoleSessionRecord } from '../../storage/ConsoleSessionRecord';
import { hashSecret } from '../hashSecret';
import type { Principal } from '../hasPermission';
import type { IdentityDeps } from '../IdentityDeps';
import { IdentityError } from '../IdentityError';
import { type ConsoleSessionView, toConsoleSessionView } from './ConsoleSessionView';
import { envRootTokenId } from './rootTokenId';

/**
 * The principal behind a console session's secret, checked at every use: an unknown or expired
 * session, or one whose token was revoked, expired or replaced since, is a 401 (and an ended
 * session's row is dropped). The token is found by id and must still hash the same, so a
 * KEYFORM_ADMIN_TOKEN changed between restarts ends its sessions too.
 */
export async function resolveConsoleSession(
  deps: Pick<IdentityDeps, 'definitions' | 'records' | 'now'>,
  { secret, rootSecretHash }: { secret: string; rootSecretHash: string | undefined },
): Promise<{ record: ConsoleSessionRecord; principal: Principal; view: ConsoleSessionView }> {
  const record = await deps.records.consoleSessions.find(hashSecret(secret));
  if (!record)
    throw new IdentityError('TOKEN_INVALID', 'the console session is not known or has ended');
  const end = async (why: string) => {
    await deps.records.consoleSessions.delete(record.secretHash);
    return new IdentityError('TOKEN_INVALID', why);
  };
  if (record.expiresAt <= deps.now()) throw await end('the console session has expired');
  let principal: Principal;
  let tokenName: string;
  if (record.tokenId === envRootTokenId) {
    if (record.tokenHash !== rootSecretHash)
      throw await end('the console session ended: KEYFORM_ADMIN_TOKEN has changed');
    principal = { kind: 'root', tokenId: envRootTokenId, expiresAt: null };
    tokenName = 'KEYFORM_ADMIN_TOKEN';
  } else {
    const token = deps.definitions.read().tokens.find((t) => t.id === record.tokenId);
    if (!token || token.secretHash !== record.tokenHash)
      throw await end('the console session ended: its token was revoked');
    if (token.expiresAt !== null && Date.parse(token.expiresAt) <= deps.now())
      throw await end('the console session ended: its token has expired');
    tokenName = token.name;
    principal =
      token.tenantId === null
        ? { kind: 'root', tokenId: token.id, expiresAt: token.expiresAt }
        : {
            kind: 'tenant',
            tokenId: token.id,
            tenantId: token.tenantId,
            permissions: token.permissions,
            expiresAt: token.expiresAt,
          };
  }
  const view = toConsoleSessionView({
    principal,
    tokenName,
    tenantId: record.tenantId,
    expiresAt: record.expiresAt,
  });
  return { record, principal, view };
}
