import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  beyondIdentityScopes,
  permissionForScope,
} from '../../identity/binding/beyondIdentityScopes';
import { expectError } from '../api/apiTestKit';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createIdentity, createJob, jobsOf, realm } from './bindingTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

async function tokenWith(...permissions: string[]) {
  const issued = await t.request('POST', '/api/tenants/default/tokens', {
    body: { name: 'scoped', permissions },
  });
  expect(issued.status).toBe(201);
  return issued.body.token as string;
}

describe('Beyond Identity scopes map onto Keyform permissions', () => {
  it('maps each scope to one TNT#{tenant}#{Area}:{action}', () => {
    expect(permissionForScope('acme', 'identities:create')).toBe(
      'TNT#acme#IdentityStore:createUser',
    );
    expect(permissionForScope('acme', 'credential-binding-jobs:create')).toBe(
      'TNT#acme#CredentialBinding:create',
    );
    expect(Object.keys(beyondIdentityScopes)).toEqual([
      'identities:create',
      'identities:read',
      'identities:update',
      'identities:delete',
      'credential-binding-jobs:create',
      'credential-binding-jobs:read',
      'credential-binding-jobs:revoke',
      'authenticator-configs:create',
      'authenticator-configs:delete',
      'authenticator-configs:read',
    ]);
  });

  it('lets a token with exactly the mapped permissions walk identity → job, and nothing more', async () => {
    const token = await tokenWith(
      permissionForScope('default', 'identities:create'),
      permissionForScope('default', 'credential-binding-jobs:create'),
    );
    const identity = await createIdentity(t, {}, { token });
    const job = await createJob(t, identity.id, {}, { token });
    expect(job.status).toBe(200);
    expectError(
      await t.request('GET', `${realm()}/identities/${identity.id}`, { token }),
      403,
      'PERMISSION_DENIED',
    );
    expectError(await t.request('GET', jobsOf(identity.id), { token }), 403, 'PERMISSION_DENIED');
    expectError(
      await t.request('GET', `${realm()}/authenticator-configs`, { token }),
      403,
      'PERMISSION_DENIED',
    );
  });

  it('names the permission a refused route needs', async () => {
    const token = await tokenWith('TNT#default#IdentityStore:readUser');
    const refused = await createJob(t, 'x', {}, { token });
    expectError(refused, 403, 'PERMISSION_DENIED');
    expect(refused.body.error.message).toContain('TNT#default#CredentialBinding:create');
  });

  it('opens and redeems links without any API token', async () => {
    const identity = await createIdentity(t);
    const job = await createJob(t, identity.id);
    const url = new URL(job.body.credential_binding_link);
    const redeemed = await t.request('POST', `${url.pathname}${url.search}`, {
      body: {},
      token: null,
    });
    expect(redeemed.status).toBe(200);
  });

  it('rate-limits the link routes per address (KEYFORM_PUBLIC_RATE_LIMIT), not per API token', async () => {
    const limited = await buildTestApp({ config: { publicRateLimit: 2 } });
    try {
      const identity = await createIdentity(limited);
      const job = await createJob(limited, identity.id);
      const url = new URL(job.body.credential_binding_link);
      const path = `${url.pathname}${url.search}`;
      expect((await limited.request('GET', path, { token: null })).status).toBe(302);
      expect((await limited.request('GET', path, { token: null })).status).toBe(302);
      expectError(await limited.request('GET', path, { token: null }), 429, 'RATE_LIMITED');
      // The API itself is limited per token, generously: unaffected.
      expect((await limited.request('GET', jobsOf(identity.id))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
