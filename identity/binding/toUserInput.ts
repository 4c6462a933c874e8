import type { UserRecord } from '../../storage/UserRecord';
import type { UserInput } from '../UserInput';
import type { IdentityInput } from './IdentityInput';
import { toUserStatus } from './identityStatus';

/** Traits without a native field of their own live in the user's attributes under these keys. */
const attributeKeys = {
  display_name: 'displayName',
  secondary_email_address: 'secondaryEmailAddress',
  formatted_name: 'formattedName',
} as const;

/**
 * The native user fields for a Beyond Identity identity: username ↔ userKey, primary email ↔
 * email, external_id ↔ externalId, given/family name ↔ first/last name, the rest in attributes
 * (merged into `current`'s, so a patch keeps the attributes it does not name).
 */
export function toUserInput(input: IdentityInput, current?: UserRecord): UserInput {
  const traits = input.traits ?? {};
  const user: UserInput = {
    userKey: traits.username,
    externalId: traits.external_id,
    email: traits.primary_email_address,
    firstName: traits.given_name,
    lastName: traits.family_name,
    status: input.status === undefined ? undefined : toUserStatus(input.status, current?.status),
  };
  const changes: Record<string, string | null | undefined> = {
    [attributeKeys.display_name]: input.display_name,
    [attributeKeys.secondary_email_address]: traits.secondary_email_address,
    [attributeKeys.formatted_name]: traits.formatted_name,
  };
  if (Object.values(changes).every((v) => v === undefined)) return user;
  const attributes: Record<string, string> = { ...(current?.attributes ?? {}) };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete attributes[key];
    else if (value !== undefined) attributes[key] = value;
  }
  return { ...user, attributes };
}
