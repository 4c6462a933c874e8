import type { UserRecord } from '../../storage/UserRecord';
import type { IdentityDeps } from '../IdentityDeps';
import { IdentityError } from '../IdentityError';
import type { RegistrationSubject } from '../RegistrationSubject';
import { checkUserMaySignIn } from './checkUserMaySignIn';

/** The user a sign-in is started for, by id or externalId, who must exist and be active. */
export async function resolveSignInUser(
  deps: Pick<IdentityDeps, 'records'>,
  {
    tenantId,
    storeName,
    subject,
  }: { tenantId: string; storeName: string; subject: RegistrationSubject },
): Promise<UserRecord> {
  const scope = { tenantId, storeName };
  const user =
    'userId' in subject
      ? await deps.records.users.findById(scope, subject.userId)
      : await deps.records.users.findByExternalId(scope, subject.externalId);
  if (!user) {
    const named =
      'userId' in subject ? `'${subject.userId}'` : `with externalId '${subject.externalId}'`;
    throw new IdentityError('USER_NOT_FOUND', `user ${named} not found`);
  }
  checkUserMaySignIn(user);
  return user;
}
