import type { ApiTokenRecord } from '../storage/IdentityDefinitions';

/** What a token looks like to a client: never its secret, never the secret's hash. */
export function toTokenView(record: ApiTokenRecord) {
  return {
    id: record.id,
    name: record.name,
    permissions: record.permissions,
    expiresAt: record.expiresAt,
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt ?? null,
  };
}
