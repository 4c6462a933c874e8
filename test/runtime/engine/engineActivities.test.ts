// biome-ignore-all lint/suspicious/noTemplateCurlyInString: process definitions are full of ${...}
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../support/buildTestApp';
import { createSoftAuthenticator } from '../../support/createSoftAuthenticator';
import { openStartLink } from '../../support/flowClient';
import { countRows } from '../../support/registrationHelpers';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

/** Upload `definition` and a process token named after it; returns the token name. */
async function deploy(
  definition: Record<string, unknown>,
  parameters: Record<string, unknown> = {},
) {
  const name = definition.name as string;
  const uploaded = await t.request(
    'POST',
    `/api/process-manager/processDefinitions/${name}/versions`,
    { body: { definition } },
  );
  if (uploaded.status !== 201) throw new Error(JSON.stringify(uploaded.body));
  await t.request('POST', '/api/process-manager/processTokens', {
    body: { name, processDefnName: name, type: 'UNLIMITED', parameters },
  });
  return name;
}

const registration = (extra: Record<string, unknown> = {}) => ({
  startReg: {
    type: 'startPasskeyRegistration',
    inputs: {
      relyingPartyId: 'localhost',
      registrationPolicy: 'default',
      userKey: '${_parameters.userKey}',
      ...extra,
    },
    next: 'regForm',
  },
  regForm: {
    type: 'passkeyRegistrationForm',
    inputs: { formName: 'passkey-registration', formDataKey: 'reg' },
    next: 'complete',
    on: { userCancelled: 'retry', timeout: 'retry' },
  },
  complete: {
    type: 'completePasskeyRegistration',
    next: 'decide',
    on: { verificationFailed: 'retry', userCancelled: 'retry' },
  },
  retry: {
    type: 'customDataForm',
    inputs: { formName: 'passkey-retry', maxAttempts: 2 },
    next: 'regForm',
    on: { maxAttemptsReached: 'decide' },
  },
  decide: { type: 'simpleDecider', inputs: { decisionOnAnyFailure: true }, next: 'end' },
  end: {
    type: 'end',
    inputs: { message: 'Welcome, ${_dataForms.reg.currentCapture.data.displayName}!' },
  },
});

describe('engine activities', () => {
  it('adds a user, registers for it by userKey, and interpolates the end message', async () => {
    const name = await deploy(
      {
        name: 'with-add-user',
        start: 'start',
        nodes: {
          start: { type: 'start', next: 'add' },
          add: {
            type: 'addUser',
            inputs: { userKey: '${_parameters.userKey}', email: 'eve@example.com' },
            next: 'startReg',
          },
          ...registration(),
        },
      },
      { userKey: 'eve' },
    );
    const flow = await openStartLink(t, { tokenName: name });
    expect(countRows(t, 'users')).toBe(1);
    await flow.post({ action: 'submit', data: { userName: 'eve', displayName: 'Eve Example' } });
    await flow.post({
      action: 'submit',
      browserResponse: createSoftAuthenticator().createCredential(
        flow.step.ceremony.creationOptions,
      ),
    });
    expect(flow.step).toMatchObject({
      component: 'end',
      outcome: 'success',
      message: 'Welcome, Eve Example!',
      decision: 'PASS',
    });
    const user = await t.request('GET', '/api/identity-store/stores/default/users?size=5');
    expect(user.body.items[0]).toMatchObject({ userKey: 'eve', email: 'eve@example.com' });
    expect(countRows(t, 'passkeys')).toBe(1);
  });

  it('takes extIdNotUnique when addUser meets a taken externalId', async () => {
    await t.request('POST', '/api/identity-store/stores/default/users', {
      body: { userKey: 'first', externalId: 'x-1' },
    });
    const name = await deploy({
      name: 'dup',
      start: 'start',
      nodes: {
        start: { type: 'start', next: 'add' },
        add: {
          type: 'addUser',
          inputs: { userKey: 'second', externalId: 'x-1' },
          next: 'ok',
          on: { extIdNotUnique: 'taken' },
        },
        ok: { type: 'end', inputs: { message: 'added' } },
        taken: { type: 'simpleDecider', inputs: { deriveDecisionFrom: 'DUPLICATE' }, next: 'done' },
        done: { type: 'end' },
      },
    });
    const flow = await openStartLink(t, { tokenName: name });
    expect(flow.step).toMatchObject({ component: 'end', decision: 'DUPLICATE' });
  });

  it('follows the first `when` branch that holds', async () => {
    const branchy = (answer: string) => ({
      name: `branch-${answer}`,
      start: 'start',
      nodes: {
        start: {
          type: 'start',
          next: [{ when: "${_parameters.plan == 'gold'}", to: 'gold' }, { to: 'basic' }],
        },
        gold: { type: 'end', inputs: { message: 'gold' } },
        basic: { type: 'end', inputs: { message: 'basic' } },
      },
    });
    const gold = await openStartLink(t, {
      tokenName: await deploy(branchy('g'), { plan: 'gold' }),
    });
    expect(gold.step.message).toBe('gold');
    const basic = await openStartLink(t, {
      tokenName: await deploy(branchy('b'), { plan: 'silver' }),
    });
    expect(basic.step.message).toBe('basic');
  });

  it('stops offering the retry form after maxAttempts and ends in failure', async () => {
    await t.request('POST', '/api/identity-store/stores/default/users', {
      body: { userKey: 'max' },
    });
    const name = await deploy(
      {
        name: 'bounded',
        start: 'start',
        nodes: { start: { type: 'start', next: 'startReg' }, ...registration() },
      },
      { userKey: 'max' },
    );
    const flow = await openStartLink(t, { tokenName: name });
    await flow.post({ action: 'submit', data: { userName: 'max', displayName: 'Max' } });
    for (let attempt = 1; attempt <= 2; attempt++) {
      await flow.post({ action: 'cancel', reason: 'cancelled' });
      expect(flow.step.component).toBe('form');
      await flow.post({ action: 'submit', data: {} });
      expect(flow.step.component).toBe('passkeyForm');
    }
    await flow.post({ action: 'cancel', reason: 'cancelled' });
    expect(flow.step).toMatchObject({ component: 'end', outcome: 'failure', decision: 'FAIL' });
    const admin = await t.request(
      'GET',
      `/api/process-manager/processInstances/${flow.instanceId}`,
    );
    expect(admin.body.failures.map((f: { code: string }) => f.code)).toContain(
      'MAX_ATTEMPTS_REACHED',
    );
    expect(countRows(t, 'passkeys')).toBe(0);
  });

  it('enforces the registration timeout on the server and takes the timeout event', async () => {
    await t.request('POST', '/api/identity-store/stores/default/users', {
      body: { userKey: 'slow' },
    });
    const nodes = registration();
    (nodes.regForm.inputs as Record<string, unknown>).timeoutSeconds = 60;
    const flow = await openStartLink(t, {
      tokenName: await deploy(
        {
          name: 'timed',
          start: 'start',
          nodes: { start: { type: 'start', next: 'startReg' }, ...nodes },
        },
        { userKey: 'slow' },
      ),
    });
    expect(flow.step.expiresAt).toBe(new Date(t.clock.now + 60_000).toISOString());
    await flow.post({ action: 'submit', data: { userName: 'slow', displayName: 'Slow' } });
    const options = flow.step.ceremony.creationOptions;
    t.clock.now += 61_000;
    await flow.post({
      action: 'submit',
      browserResponse: createSoftAuthenticator().createCredential(options),
    });
    expect(flow.step.component).toBe('form');
    expect(countRows(t, 'passkeys')).toBe(0);
  });

  it('routes a response that fails verification to verificationFailed, and a fresh attempt succeeds', async () => {
    await t.request('POST', '/api/identity-store/stores/default/users', {
      body: { userKey: 'ver' },
    });
    const flow = await openStartLink(t, {
      tokenName: await deploy(
        {
          name: 'verify',
          start: 'start',
          nodes: { start: { type: 'start', next: 'startReg' }, ...registration() },
        },
        { userKey: 'ver' },
      ),
    });
    await flow.post({ action: 'submit', data: { userName: 'ver', displayName: 'Ver' } });
    const wrongOrigin = createSoftAuthenticator({
      origin: 'http://localhost:9999',
    }).createCredential(flow.step.ceremony.creationOptions);
    await flow.post({ action: 'submit', browserResponse: wrongOrigin });
    expect(flow.step.component).toBe('form');
    await flow.post({ action: 'submit', data: {} });
    await flow.post({ action: 'submit', data: flow.step.data });
    await flow.post({
      action: 'submit',
      browserResponse: createSoftAuthenticator().createCredential(
        flow.step.ceremony.creationOptions,
      ),
    });
    expect(flow.step).toMatchObject({ component: 'end', outcome: 'success', decision: 'PASS' });
  });
});
