import type { UserScope } from '../storage/UserRecord';
import { findUser } from './findUser';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError, invalidField } from './IdentityError';
import { toPasskeyView } from './toPasskeyView';

const maxNickname = 64;
// A name is shown on one line in a list: a line break or other control character has no place.
const controlCharacter = /\p{Cc}/u;

/**
 * Name a passkey (or clear its name with null). The API has made the text NFC already; here it
 * is trimmed, then must be 1–64 characters (code points), without control characters.
 */
export async function updatePasskey(
  deps: IdentityDeps,
  {
    tenantId,
    storeName,
    userId,
    passkeyId,
    patch,
  }: UserScope & { userId: string; passkeyId: string; patch: { nickname: string | null } },
) {
  const user = await findUser(deps, { tenantId, storeName, userId });
  const nickname = patch.nickname === null ? null : checkNickname(patch.nickname);
  const key = { tenantId, userId: user.id, id: passkeyId };
  const passkey = await deps.records.passkeys.setNickname(key, nickname);
  if (!passkey) throw new IdentityError('PASSKEY_NOT_FOUND', `passkey '${passkeyId}' not found`);
  return toPasskeyView(passkey, deps.passkeyProviders);
}

function checkNickname(text: string) {
  const nickname = text.trim();
  const length = [...nickname].length;
  if (length === 0 || length > maxNickname) {
    throw invalidField(
      '/nickname',
      `must be 1–${maxNickname} characters once trimmed, got ${length}; send null to clear it`,
    );
  }
  if (controlCharacter.test(nickname)) {
    throw invalidField('/nickname', 'must not contain control characters (line breaks, tabs, …)');
  }
  return nickname;
}
