import type { UserLocale, UserStatus } from '../storage/UserRecord';

/** The writable attributes of a user, as TrustX's Add User activity names them. */
export interface UserInput {
  userKey?: string;
  externalId?: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  dateOfBirth?: string | null;
  locale?: UserLocale | null;
  nationalities?: string[] | null;
  status?: UserStatus;
  timezone?: string | null;
  type?: string | null;
  attributes?: Record<string, string> | null;
}
