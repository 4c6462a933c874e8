import type { UserRecord } from '../../storage/UserRecord';
import { IdentityError } from '../IdentityError';

const blocked: ReadonlySet<UserRecord['status']> = new Set(['DISABLED', 'LOCKED', 'TEMP_LOCKED']);

/** A disabled or locked user signs in with nothing (DESIGN §4b: its user must be active). */
export function checkUserMaySignIn(user: Pick<UserRecord, 'id' | 'status'>) {
  if (blocked.has(user.status)) {
    throw new IdentityError('USER_DISABLED', `user '${user.id}' is ${user.status}`);
  }
}
