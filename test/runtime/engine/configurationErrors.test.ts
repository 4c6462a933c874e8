// biome-ignore-all lint/suspicious/noTemplateCurlyInString: process definitions are full of ${...}
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putRelyingParty } from '../../api/apiTestKit';
import { buildTestApp, type TestApp } from '../../support/buildTestApp';
import { createSoftAuthenticator } from '../../support/createSoftAuthenticator';
import { openStartLink } from '../../support/flowClient';
import { countRows } from '../../support/registrationHelpers';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

async function createToken(body: Record<string, unknown>, tenant?: string) {
  const reply = await t.request('POST', '/api/process-manager/processTokens', {
    body: { type: 'UNLIMITED', ...body },
    ...(tenant ? { headers: { 'x-tenant-id': tenant } } : {}),
  });
  if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
  return reply.body as { id: string; name: string };
}

async function deploy(definition: Record<string, unknown>) {
  const name = definition.name as string;
  const uploaded = await t.request(
    'POST',
    `/api/process-manager/processDefinitions/${name}/versions`,
    { body: { definition } },
  );
  if (uploaded.status !== 201) throw new Error(JSON.stringify(uploaded.body));
}

const adminView = async (instanceId: string, tenant?: string) =>
  (
    await t.request('GET', `/api/process-manager/processInstances/${instanceId}`, {
      ...(tenant ? { headers: { 'x-tenant-id': tenant } } : {}),
    })
  ).body;

/** The misconfigured end: says what happened, never invites a start-again loop. */
function expectMisconfiguredEnd(step: Record<string, unknown>) {
  expect(step).toMatchObject({ component: 'end', outcome: 'misconfigured', decision: 'FAIL' });
  expect(String(step.message)).toMatch(/not set up correctly/);
  expect(String(step.message)).toMatch(/contact the service/);
  expect(String(step.message)).not.toMatch(/start again/i);
}

async function register(flow: Awaited<ReturnType<typeof openStartLink>>, userName: string) {
  expect(flow.step.component).toBe('passkeyForm');
  await flow.post({ action: 'submit', data: { userName, displayName: userName } });
  const browserResponse = createSoftAuthenticator().createCredential(
    flow.step.ceremony.creationOptions,
  );
  const done = await flow.post({ action: 'submit', browserResponse });
  expect(done.status).toBe(200);
}

describe('a process token without parameters', () => {
  it('registers a passkey through the built-in process, for the demo relying party', async () => {
    await createToken({ name: 'bare', processDefnName: 'passkey-registration' });
    const flow = await openStartLink(t, { tokenName: 'bare' });
    await register(flow, 'ada');
    expect(flow.step).toMatchObject({ component: 'end', outcome: 'success' });
    expect(countRows(t, 'passkeys')).toBe(1);
    const admin = await adminView(flow.instanceId);
    expect(admin).toMatchObject({ state: 'COMPLETED', decision: 'PASS', configurationError: null });
    expect(admin.captures._identityStore.passkeys.registrations.passkeyReg1).toBeDefined();
  });

  it('uses the public host RP of a tenant with several, and the only RP of another tenant', async () => {
    await putRelyingParty(t, {}, { rpId: 'other.example', origins: ['https://other.example'] });
    await createToken({ name: 'bare', processDefnName: 'passkey-registration' });
    const flow = await openStartLink(t, { tokenName: 'bare' });
    await flow.post({ action: 'submit', data: { userName: 'ada', displayName: 'Ada' } });
    expect(flow.step.ceremony.creationOptions.rp.id).toBe('localhost');

    await t.request('POST', '/api/tenants', { body: { id: 'acme' } });
    await t.request('POST', '/api/identity-store/stores', {
      body: { name: 'default' },
      headers: { 'x-tenant-id': 'acme' },
    });
    await putRelyingParty(
      t,
      {},
      { rpId: 'acme.example', origins: ['https://acme.example'], tenant: 'acme' },
    );
    await createToken({ name: 'acme-bare', processDefnName: 'passkey-registration' }, 'acme');
    const acme = await openStartLink(t, { tokenName: 'acme-bare', tenantId: 'acme' });
    await acme.post({ action: 'submit', data: { userName: 'bob', displayName: 'Bob' } });
    expect(acme.step.ceremony.creationOptions.rp.id).toBe('acme.example');
  });

  it('ends as misconfigured in a tenant with no relying party to default to', async () => {
    await t.request('POST', '/api/tenants', { body: { id: 'empty' } });
    await createToken({ name: 'empty-bare', processDefnName: 'passkey-registration' }, 'empty');
    const flow = await openStartLink(t, { tokenName: 'empty-bare', tenantId: 'empty' });
    expectMisconfiguredEnd(flow.step);
    const admin = await adminView(flow.instanceId, 'empty');
    expect(admin.configurationError).toMatchObject({
      nodeId: 'startReg',
      input: 'relyingPartyId',
      template: '${_parameters.rpId}',
      code: 'RELYING_PARTY_NOT_FOUND',
    });
    expect(admin.configurationError.message).toContain("tenant 'empty'");
  });
});

describe('a step that fails because of configuration', () => {
  it('ends the journey for an unknown relying party and names node, input and RP', async () => {
    await createToken({
      name: 'wrong-rp',
      processDefnName: 'passkey-registration',
      parameters: { rpId: 'nope.example' },
    });
    const flow = await openStartLink(t, { tokenName: 'wrong-rp' });
    expectMisconfiguredEnd(flow.step);
    // The end is final: nothing to answer, and opening the step again shows the same end.
    expect((await flow.refresh()).body).toMatchObject({ outcome: 'misconfigured' });
    expect((await flow.post({ action: 'submit', data: {} })).status).toBe(409);

    const admin = await adminView(flow.instanceId);
    expect(admin.state).toBe('FAILED');
    expect(admin.configurationError).toEqual({
      nodeId: 'startReg',
      input: 'relyingPartyId',
      template: '${_parameters.rpId}',
      code: 'RELYING_PARTY_NOT_FOUND',
      message: expect.stringContaining("'nope.example'"),
    });
    expect(countRows(t, 'users')).toBe(0);
  });

  const startReg = (inputs: Record<string, unknown>) => ({
    type: 'startPasskeyRegistration',
    inputs: {
      relyingPartyId: 'localhost',
      registrationPolicy: 'default',
      createUser: true,
      ...inputs,
    },
    next: 'regForm',
    // A boundary to a retry must not turn a configuration error into a loop.
    on: { failedIdStoreCall: 'retry' },
  });
  const rest = (formName = 'passkey-registration') => ({
    regForm: {
      type: 'passkeyRegistrationForm',
      inputs: { formName },
      next: 'complete',
      on: { userCancelled: 'retry' },
    },
    complete: { type: 'completePasskeyRegistration', next: 'end', on: { userCancelled: 'retry' } },
    retry: { type: 'customDataForm', inputs: { formName: 'passkey-retry' }, next: 'regForm' },
    end: { type: 'end' },
  });

  it.each([
    ['an unknown policy', { registrationPolicy: 'nope' }, 'registrationPolicy', 'POLICY_NOT_FOUND'],
    ['an unknown store', { storeName: 'nope' }, 'storeName', 'STORE_NOT_FOUND'],
    [
      'an unknown relying party from a parameter',
      { relyingPartyId: '${_parameters.rp}' },
      'relyingPartyId',
      'RELYING_PARTY_NOT_FOUND',
    ],
  ])('stops at startReg for %s', async (_label, inputs, input, code) => {
    const name = `misconfigured-${input.toLowerCase()}`;
    await deploy({
      name,
      start: 'start',
      nodes: { start: { type: 'start', next: 'startReg' }, startReg: startReg(inputs), ...rest() },
    });
    await createToken({ name, processDefnName: name, parameters: { rp: 'nope.example' } });
    const flow = await openStartLink(t, { tokenName: name });
    expectMisconfiguredEnd(flow.step);
    const admin = await adminView(flow.instanceId);
    expect(admin.configurationError).toMatchObject({ nodeId: 'startReg', input, code });
    expect(admin.configurationError.message).toContain('nope');
  });

  it('stops at a form step whose form does not exist', async () => {
    const name = 'misconfigured-form';
    await deploy({
      name,
      start: 'start',
      nodes: {
        start: { type: 'start', next: 'startReg' },
        startReg: startReg({}),
        ...rest('no-such-form'),
      },
    });
    await createToken({ name, processDefnName: name });
    const flow = await openStartLink(t, { tokenName: name });
    expectMisconfiguredEnd(flow.step);
    const admin = await adminView(flow.instanceId);
    expect(admin.configurationError).toMatchObject({
      nodeId: 'regForm',
      input: 'formName',
      code: 'FORM_NOT_FOUND',
    });
    expect(admin.configurationError.message).toContain('no-such-form');
  });

  it('stops when the retry form, reached after the user cancels, does not exist', async () => {
    const name = 'misconfigured-retry';
    const nodes = {
      start: { type: 'start', next: 'startReg' },
      startReg: startReg({}),
      ...rest(),
      retry: { type: 'customDataForm', inputs: { formName: 'no-such-retry' }, next: 'regForm' },
    };
    await deploy({ name, start: 'start', nodes });
    await createToken({ name, processDefnName: name });
    const flow = await openStartLink(t, { tokenName: name });
    await flow.post({ action: 'submit', data: { userName: 'ada', displayName: 'Ada' } });
    const cancelled = await flow.post({ action: 'cancel', reason: 'cancelled' });
    expect(cancelled.status).toBe(200);
    expectMisconfiguredEnd(flow.step);
    const admin = await adminView(flow.instanceId);
    expect(admin.configurationError).toMatchObject({
      nodeId: 'retry',
      input: 'formName',
      code: 'FORM_NOT_FOUND',
    });
  });
});
