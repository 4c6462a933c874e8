import {
  type BeyondIdentityScope,
  beyondIdentityScopes,
} from '../../../identity/binding/beyondIdentityScopes';

/** Route config for a `/v1` route: the Keyform permission its Beyond Identity scope maps to, in the path's tenant. */
export function scopeAccess(scope: BeyondIdentityScope) {
  const { area, action } = beyondIdentityScopes[scope];
  return { access: { area, actions: [action], tenantFromPath: true } };
}

/** `{tenant, realm}` path params as the domain names them. */
export function realmOf(params: { tenant: string; realm: string }) {
  return { tenantId: params.tenant, storeName: params.realm };
}

/** Paging query strings as numbers (the API never coerces types). */
export function pagingOf(query: { page_size?: string; page_token?: string; skip?: string }) {
  return {
    pageSize: query.page_size === undefined ? undefined : Number(query.page_size),
    pageToken: query.page_token,
    skip: query.skip === undefined ? undefined : Number(query.skip),
  };
}
