/**
 * Beyond Identity's API scopes and the Keyform permission (`TNT#{tenant}#{Area}:{action}`) each
 * one corresponds to. Routes of the `/v1` API declare their access through this table, so the
 * README's mapping and what the server enforces cannot drift apart.
 */
export const beyondIdentityScopes = {
  'identities:create': { area: 'IdentityStore', action: 'createUser' },
  'identities:read': { area: 'IdentityStore', action: 'readUser' },
  'identities:update': { area: 'IdentityStore', action: 'updateUser' },
  'identities:delete': { area: 'IdentityStore', action: 'deleteUser' },
  'credential-binding-jobs:create': { area: 'CredentialBinding', action: 'create' },
  'credential-binding-jobs:read': { area: 'CredentialBinding', action: 'read' },
  'credential-binding-jobs:revoke': { area: 'CredentialBinding', action: 'revoke' },
  'authenticator-configs:create': {
    area: 'CredentialBinding',
    action: 'manageAuthenticatorConfig',
  },
  'authenticator-configs:delete': {
    area: 'CredentialBinding',
    action: 'manageAuthenticatorConfig',
  },
  'authenticator-configs:read': { area: 'CredentialBinding', action: 'readAuthenticatorConfig' },
} as const;

export type BeyondIdentityScope = keyof typeof beyondIdentityScopes;

/** The Keyform permission string for a Beyond Identity scope in `tenantId`. */
export function permissionForScope(tenantId: string, scope: BeyondIdentityScope) {
  const { area, action } = beyondIdentityScopes[scope];
  return `TNT#${tenantId}#${area}:${action}`;
}
