import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, putRelyingParty } from '../api/apiTestKit';
import { buildTestApp, type TestApp, testOrigin } from '../support/buildTestApp';
import { createIdentity, createJob, pathOf, realm } from './bindingTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const configs = `${realm()}/authenticator-configs`;
const create = (config: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  t.request('POST', configs, { body: { authenticator_config: { config, ...extra } } });

describe('authenticator configs', () => {
  it("every realm has the built-in hosted-web config, pointing at Keyform's own /bind page", async () => {
    const listed = await t.request('GET', configs);
    expect(listed.body).toEqual({
      authenticator_configs: [
        {
          id: 'hosted-web',
          realm_id: 'default',
          tenant_id: 'default',
          display_name: 'Keyform hosted web',
          config: {
            type: 'hosted_web',
            invoke_url: testOrigin,
            trusted_origins: [testOrigin],
            invocation_type: 'automatic',
          },
          rp_id: 'localhost',
          registration_policy: 'default',
          create_time: expect.any(String),
          update_time: expect.any(String),
        },
      ],
      total_size: 1,
    });
    expectError(
      await t.request('DELETE', `${configs}/hosted-web`),
      409,
      'AUTHENTICATOR_CONFIG_BUILTIN',
    );
  });

  it('creates an embedded config whose trusted origins default to the invoke URL’s origin', async () => {
    const created = await create(
      {
        type: 'embedded',
        invoke_url: 'https://app.example.com/passkeys',
        authentication_methods: [{ type: 'webauthn_passkey' }],
      },
      { display_name: 'My app' },
    );
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      display_name: 'My app',
      config: {
        type: 'embedded',
        invoke_url: 'https://app.example.com/passkeys',
        trusted_origins: ['https://app.example.com'],
        invocation_type: 'automatic',
      },
    });
    const read = await t.request('GET', `${configs}/${created.body.id}`);
    expect(read.body).toEqual(created.body);
    expect((await t.request('GET', configs)).body.total_size).toBe(2);
    expect((await t.request('DELETE', `${configs}/${created.body.id}`)).status).toBe(204);
    expectError(
      await t.request('GET', `${configs}/${created.body.id}`),
      404,
      'AUTHENTICATOR_CONFIG_NOT_FOUND',
    );
  });

  it('pins a hosted_web config to Keyform, whatever invoke_url says', async () => {
    const created = await create({ type: 'hosted_web', invoke_url: 'https://elsewhere.example' });
    expect(created.body.config).toMatchObject({
      invoke_url: testOrigin,
      trusted_origins: [testOrigin],
    });
  });

  it('refuses invoke URLs and origins a browser must not be sent to or trusted from', async () => {
    expectError(await create({ type: 'embedded' }), 400, 'INVALID_INPUT');
    expectError(
      await create({ type: 'embedded', invoke_url: 'javascript:alert(1)' }),
      400,
      'INVALID_INPUT',
    );
    expectError(
      await create({ type: 'embedded', invoke_url: 'http://app.example.com' }),
      400,
      'INVALID_INPUT',
    );
    const notBare = await create({
      type: 'embedded',
      invoke_url: 'https://app.example.com',
      trusted_origins: ['https://app.example.com/path'],
    });
    expectError(notBare, 400, 'INVALID_INPUT');
    expect(notBare.body.error.details.fields[0].path).toBe(
      '/authenticator_config/config/trusted_origins/0',
    );
  });

  it('checks the relying party and policy it names exist, and uses them for the ceremony', async () => {
    const missing = await create({ type: 'hosted_web' }, { rp_id: 'example.com' });
    expectError(missing, 404, 'RELYING_PARTY_NOT_FOUND');
    await putRelyingParty(t, { strict: { timeoutSeconds: 60 } });
    const created = await create({ type: 'hosted_web' }, { registration_policy: 'strict' });
    expect(created.body).toMatchObject({ rp_id: 'localhost', registration_policy: 'strict' });
    const identity = await createIdentity(t);
    const job = await createJob(t, identity.id, { authenticator_config_id: created.body.id });
    const redeemed = await t.request('POST', pathOf(job.body.credential_binding_link), {
      body: {},
      token: null,
    });
    expect(redeemed.body.creation_options.timeout).toBe(60_000);
  });

  it('makes jobs of a deleted config unusable (404) and refuses jobs naming an unknown one', async () => {
    const created = await create({ type: 'embedded', invoke_url: 'https://app.example.com' });
    const identity = await createIdentity(t);
    const job = await createJob(t, identity.id, { authenticator_config_id: created.body.id });
    await t.request('DELETE', `${configs}/${created.body.id}`);
    const redeemed = await t.request('POST', pathOf(job.body.credential_binding_link), {
      body: {},
      token: null,
    });
    expectError(redeemed, 404, 'AUTHENTICATOR_CONFIG_NOT_FOUND');
    expectError(
      await createJob(t, identity.id, { authenticator_config_id: 'nope' }),
      404,
      'AUTHENTICATOR_CONFIG_NOT_FOUND',
    );
  });

  it('sends an opened link to the embedded config’s invoke URL, parameters in the fragment', async () => {
    const created = await create({
      type: 'embedded',
      invoke_url: 'https://app.example.com/passkeys/',
    });
    const identity = await createIdentity(t);
    const job = await createJob(t, identity.id, { authenticator_config_id: created.body.id });
    const opened = await t.request('GET', pathOf(job.body.credential_binding_link), {
      token: null,
    });
    expect(opened.status).toBe(302);
    expect(opened.headers['referrer-policy']).toBe('no-referrer');
    const location = new URL(String(opened.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe('https://app.example.com/passkeys/bind');
    expect(new URLSearchParams(location.hash.slice(1)).get('job_id')).toBe(
      job.body.credential_binding_job.id,
    );
  });
});
