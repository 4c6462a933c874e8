import { expect, it } from 'vitest';
import { findUncoveredPermissions } from '../../identity/findUncoveredPermissions';
import type { Principal } from '../../identity/hasPermission';

const holder = (...grants: string[]): Principal => ({
  kind: 'tenant',
  tokenId: 'tok_1',
  tenantId: 'acme',
  permissions: grants.map((g) => `TNT#acme#${g}`),
  expiresAt: null,
});

it.each([
  // [held, requested, not covered]
  [['IdentityStore:*'], ['IdentityStore:createPasskeyRegistrationForUser'], []],
  [['*'], ['Forms:read', 'Admin:*', '*', '*:read'], []],
  [['*:read'], ['Forms:read', 'Pages:read'], []],
  [['IdentityStore:*'], ['*'], ['*']],
  [['IdentityStore:readUser'], ['IdentityStore:*'], ['IdentityStore:*']],
  [['*:read'], ['Forms:*', '*'], ['Forms:*', '*']],
  [['Identity:*'], ['IdentityStore:readUser'], ['IdentityStore:readUser']],
  [['IdentityStore:read'], ['IdentityStore:readUser'], ['IdentityStore:readUser']],
  // Named areas never add up to every area, named actions never to every action.
  [['Forms:*', 'Pages:*'], ['*'], ['*']],
  [['Forms:create', 'Forms:read'], ['Forms:*'], ['Forms:*']],
])('%j covers what it should of %j', (held, requested, missing) => {
  const full = (list: string[]) => list.map((g) => `TNT#acme#${g}`);
  expect(findUncoveredPermissions({ holder: holder(...held), requested: full(requested) })).toEqual(
    full(missing),
  );
});

it("never covers another tenant's permission, a malformed one, or one from a foreign grant", () => {
  const mixed: Principal = {
    kind: 'tenant',
    tokenId: 'tok_1',
    tenantId: 'acme',
    permissions: ['TNT#acme#*', 'TNT#other#*'],
    expiresAt: null,
  };
  expect(
    findUncoveredPermissions({ holder: mixed, requested: ['TNT#other#Forms:read', 'TNT#acme'] }),
  ).toEqual(['TNT#other#Forms:read', 'TNT#acme']);
});

it('lets a root token hold everything', () => {
  const root: Principal = { kind: 'root', tokenId: 'env:KEYFORM_ADMIN_TOKEN', expiresAt: null };
  expect(findUncoveredPermissions({ holder: root, requested: ['TNT#any#*'] })).toEqual([]);
});
