import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/buildTestApp';

const rps = '/api/identity-store/passkeys/relyingParties';
let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const put = (rpId: string, body: unknown) => t.request('PUT', `${rps}/${rpId}`, { body });

/** DESIGN §4: every policy field is optional, with these defaults. */
const defaults = {
  userVerification: 'required',
  residentKey: 'required',
  authenticatorAttachment: null,
  attestation: 'none',
  allowedAttestationFormats: ['none', 'packed'],
  supportedAlgorithms: [-7, -257],
  timeoutSeconds: 300,
  maxAttempts: 3,
  excludeExistingCredentials: true,
  allowedAaguids: null,
};

describe('PUT /relyingParties/{rpId}', () => {
  it('creates (201) with https://{rpId} as the default origin, then replaces (200)', async () => {
    const created = await put('example.com', { name: 'Example' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'example.com',
      rpId: 'example.com',
      name: 'Example',
      origins: ['https://example.com'],
      registrationPolicies: {},
    });

    t.clock.now += 1_000;
    const replaced = await put('example.com', {
      name: 'Example 2',
      origins: ['https://login.example.com'],
      registrationPolicies: { default: {} },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.name).toBe('Example 2');
    expect(replaced.body.origins).toEqual(['https://login.example.com']);
    expect(replaced.body.createdAt).toBe(created.body.createdAt);
    expect(replaced.body.updatedAt).not.toBe(created.body.updatedAt);
    expect(Object.keys(replaced.body.registrationPolicies)).toEqual(['default']);

    const read = await t.request('GET', `${rps}/example.com`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(replaced.body);
    const list = await t.request('GET', rps);
    expect(list.body.items.map((r: { rpId: string }) => r.rpId)).toEqual([
      'localhost',
      'example.com',
    ]);
  });

  it('fills every policy default and keeps what was given', async () => {
    const response = await put('example.com', {
      name: 'Example',
      registrationPolicies: {
        default: {},
        strict: {
          userVerification: 'preferred',
          authenticatorAttachment: 'cross-platform',
          attestation: 'direct',
          allowedAttestationFormats: ['packed'],
          supportedAlgorithms: [-7],
          timeoutSeconds: 60,
          maxAttempts: 1,
          excludeExistingCredentials: false,
          allowedAaguids: ['4B657966-6F72-6D2D-536F-667441757468'],
        },
      },
    });
    expect(response.status).toBe(201);
    expect(response.body.registrationPolicies.default).toMatchObject(defaults);
    expect(response.body.registrationPolicies.strict).toMatchObject({
      ...defaults,
      userVerification: 'preferred',
      authenticatorAttachment: 'cross-platform',
      attestation: 'direct',
      allowedAttestationFormats: ['packed'],
      supportedAlgorithms: [-7],
      timeoutSeconds: 60,
      maxAttempts: 1,
      excludeExistingCredentials: false,
      // AAGUIDs are compared lower-case.
      allowedAaguids: ['4b657966-6f72-6d2d-536f-667441757468'],
    });
  });

  it.each([
    ['https://example.com'],
    ['https://login.example.com'],
    ['https://a.b.example.com'],
    ['https://example.com:8443'],
  ])('accepts the origin %s for RP example.com', async (origin) => {
    const response = await put('example.com', { name: 'Example', origins: [origin] });
    expect(response.status).toBe(201);
    expect(response.body.origins).toEqual([origin]);
  });

  it.each([['http://localhost:3000'], ['http://localhost'], ['https://localhost:8443']])(
    'accepts the origin %s for RP localhost',
    async (origin) => {
      const response = await put('localhost', { name: 'Local', origins: [origin] });
      expect(response.status).toBe(200); // the seeded RP is replaced
      expect(response.body.origins).toEqual([origin]);
    },
  );

  it.each([
    ['http://example.com', /not https/],
    ['https://example.com/', /not a bare origin/],
    ['https://example.com/login', /not a bare origin/],
    ['https://example.com?x=1', /not a bare origin/],
    ['https://example.com:443', /not a bare origin/],
    ['https://Example.com', /not a bare origin/],
    ['https://evil.com', /not 'example.com' or a subdomain/],
    ['https://notexample.com', /not 'example.com' or a subdomain/],
    ['https://example.com.evil.com', /not 'example.com' or a subdomain/],
    ['https://com', /not 'example.com' or a subdomain/],
    ['example.com', /not a URL/],
    ['ftp://example.com', /not a bare origin|not https/],
  ])('refuses the origin %s for RP example.com', async (origin, message) => {
    const response = await put('example.com', {
      name: 'Example',
      origins: ['https://example.com', origin],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect(response.body.error.details.fields[0].path).toBe('/origins/1');
    expect(response.body.error.details.fields[0].message).toMatch(message);
    expect((await t.request('GET', `${rps}/example.com`)).status).toBe(404);
  });

  it('allows http only for localhost: http://localhost is refused for another RP', async () => {
    const response = await put('example.com', { name: 'x', origins: ['http://localhost:3000'] });
    expect(response.status).toBe(400);
  });

  it.each([['127.0.0.1'], ['10.0.0.1']])('refuses the IP address %s as RP ID', async (rpId) => {
    const response = await put(rpId, { name: 'IP', origins: [`https://${rpId}`] });
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields[0].path).toBe('/rpId');
    expect(t.storage.identity.read().relyingParties.map((r) => r.rpId)).toEqual(['localhost']);
  });

  it.each([['Example.com'], ['exa_mple.com'], ['-example.com'], ['example.com.']])(
    'refuses the malformed RP ID %s',
    async (rpId) => {
      const response = await put(encodeURIComponent(rpId), { name: 'x' });
      expect(response.status).toBe(400);
    },
  );

  it.each([
    [{ timeoutSeconds: 0 }, '/registrationPolicies/default/timeoutSeconds'],
    [{ timeoutSeconds: 3601 }, '/registrationPolicies/default/timeoutSeconds'],
    [{ timeoutSeconds: 30.5 }, '/registrationPolicies/default/timeoutSeconds'],
    [{ timeoutSeconds: '60' }, '/registrationPolicies/default/timeoutSeconds'],
    [{ maxAttempts: 0 }, '/registrationPolicies/default/maxAttempts'],
    [{ userVerification: 'always' }, '/registrationPolicies/default/userVerification'],
    [{ allowedAttestationFormats: [] }, '/registrationPolicies/default/allowedAttestationFormats'],
    [{ supportedAlgorithms: [-7, -7] }, '/registrationPolicies/default/supportedAlgorithms'],
    [{ supportedAlgorithms: [1] }, '/registrationPolicies/default/supportedAlgorithms/0'],
    [{ allowedAaguids: ['not-a-uuid'] }, '/registrationPolicies/default/allowedAaguids/0'],
    [{ unknown: true }, '/registrationPolicies/default'],
  ])('refuses the policy %j with 400 at its path', async (policy, path) => {
    const response = await put('example.com', {
      name: 'Example',
      registrationPolicies: { default: policy },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('accepts the timeout bounds 1 and 3600', async () => {
    const response = await put('example.com', {
      name: 'Example',
      registrationPolicies: { fast: { timeoutSeconds: 1 }, slow: { timeoutSeconds: 3600 } },
    });
    expect(response.status).toBe(201);
  });

  it('refuses a policy name outside the pattern, and does not skip checking its policy', async () => {
    const response = await put('example.com', {
      name: 'Example',
      registrationPolicies: { 'bad name': { timeoutSeconds: 0 } },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields[0].path).toBe('/registrationPolicies');
  });

  it('refuses an empty origin list, a missing name and unknown fields', async () => {
    expect((await put('example.com', { name: 'x', origins: [] })).status).toBe(400);
    expect((await put('example.com', {})).status).toBe(400);
    expect((await put('example.com', { name: 'x', policies: {} })).status).toBe(400);
  });

  it('keeps relying parties per tenant', async () => {
    await t.request('POST', '/api/tenants', { body: { id: 'acme' } });
    const acme = { headers: { 'x-tenant-id': 'acme' } };
    expect((await t.request('GET', `${rps}/localhost`, acme)).status).toBe(404);
    const created = await t.request('PUT', `${rps}/localhost`, {
      ...acme,
      body: { name: 'Acme local', origins: ['http://localhost:4000'] },
    });
    expect(created.status).toBe(201);
    // The default tenant's RP of the same ID is untouched.
    const ours = await t.request('GET', `${rps}/localhost`);
    expect(ours.body.origins).toEqual(['http://localhost:3000']);
    const missing = await t.request('GET', `${rps}/example.com`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('RELYING_PARTY_NOT_FOUND');
  });
});
