import type { UserRecord } from '../../storage/UserRecord';
import { displayNameOf } from '../displayNameOf';
import { toIdentityStatus } from './identityStatus';

/** A user as Beyond Identity shows an identity; absent traits are left out, as its API does. */
export function toIdentityView(user: UserRecord) {
  const attributes = user.attributes ?? {};
  return {
    id: user.id,
    realm_id: user.storeName,
    tenant_id: user.tenantId,
    display_name: displayNameOf(user) ?? user.userKey,
    status: toIdentityStatus(user.status),
    create_time: user.createdAt,
    update_time: user.updatedAt,
    traits: {
      type: 'traits_v0' as const,
      username: user.userKey,
      external_id: user.externalId,
      ...optional('primary_email_address', user.email),
      ...optional('secondary_email_address', attributes.secondaryEmailAddress),
      ...optional('given_name', user.firstName),
      ...optional('family_name', user.lastName),
      ...optional('formatted_name', attributes.formattedName),
    },
  };
}

export type IdentityView = ReturnType<typeof toIdentityView>;

function optional<K extends string>(key: K, value: string | null | undefined) {
  return (value ? { [key]: value } : {}) as Partial<Record<K, string>>;
}
