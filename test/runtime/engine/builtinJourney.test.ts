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

describe('the built-in passkey-registration journey', () => {
  it('goes form → ceremony → stored passkey → success, creating the user only at the end', async () => {
    const flow = await openStartLink(t);
    expect(flow.step.component).toBe('passkeyForm');
    expect(flow.step.submitLabel).toBe('Submit for Registration');
    expect(flow.step.ceremony).toBeNull();

    const submitted = await flow.post({
      action: 'submit',
      data: { userName: 'ada', displayName: 'Ada Lovelace' },
    });
    expect(submitted.status).toBe(200);
    expect(flow.step.ceremony.creationOptions.user.name).toBe('ada');
    expect(flow.step.ceremony.creationOptions.user.displayName).toBe('Ada Lovelace');
    expect(countRows(t, 'users')).toBe(0);

    const browserResponse = createSoftAuthenticator().createCredential(
      flow.step.ceremony.creationOptions,
    );
    const done = await flow.post({ action: 'submit', browserResponse });
    expect(done.status).toBe(200);
    expect(flow.step.component).toBe('end');
    expect(flow.step.outcome).toBe('success');
    expect(flow.step.message).toBe('Your passkey was registered successfully.');
    expect(countRows(t, 'users')).toBe(1);
    expect(countRows(t, 'passkeys')).toBe(1);

    const admin = await t.request(
      'GET',
      `/api/process-manager/processInstances/${flow.instanceId}`,
    );
    expect(admin.status).toBe(200);
    expect(admin.body.state).toBe('COMPLETED');
    expect(admin.body.decision).toBe('PASS');
    expect(admin.body.history.map((h: { nodeId: string }) => h.nodeId)).toEqual([
      'start',
      'startReg',
      'regForm',
      'regForm',
      'complete',
      'decide',
      'end',
    ]);
    expect(JSON.stringify(admin.body.captures)).not.toContain(
      browserResponse.response.attestationObject,
    );
  });

  it('cancel → retry form → a fresh challenge → success', async () => {
    const flow = await openStartLink(t);
    await flow.post({ action: 'submit', data: { userName: 'grace', displayName: 'Grace Hopper' } });
    const firstChallenge = flow.step.ceremony.creationOptions.challenge;
    const cancelled = await flow.post({ action: 'cancel', reason: 'cancelled' });
    expect(cancelled.status).toBe(200);
    expect(flow.step.component).toBe('form');
    expect(flow.step.submitLabel).toBe('Try again');

    await flow.post({ action: 'submit', data: {} });
    expect(flow.step.component).toBe('passkeyForm');
    expect(flow.step.data).toEqual({ userName: 'grace', displayName: 'Grace Hopper' });
    await flow.post({ action: 'submit', data: flow.step.data });
    expect(flow.step.ceremony.creationOptions.challenge).not.toBe(firstChallenge);
    const browserResponse = createSoftAuthenticator().createCredential(
      flow.step.ceremony.creationOptions,
    );
    await flow.post({ action: 'submit', browserResponse });
    expect(flow.step.outcome).toBe('success');
    expect(countRows(t, 'passkeys')).toBe(1);
  });

  it('re-renders the same step with field errors for invalid data and stores nothing', async () => {
    const flow = await openStartLink(t);
    const stepId = flow.step.stepId;
    const invalid = await flow.post({
      action: 'submit',
      data: { userName: 'a b', displayName: '' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error?.code).toBe('FORM_DATA_INVALID');
    const step = invalid.body.error?.details?.step as {
      stepId: string;
      errors: Array<{ path: string }>;
    };
    expect(step.stepId).toBe(stepId);
    expect(step.errors).toEqual([
      { path: '/userName', message: 'Use only letters, digits and . _ @ + - (no spaces).' },
      { path: '/displayName', message: 'Please enter a display name.' },
    ]);
    expect(countRows(t, 'users')).toBe(0);
  });

  it('says so when the user name is taken, in the language asked for', async () => {
    await t.request('POST', '/api/identity-store/stores/default/users', {
      body: { userKey: 'taken' },
    });
    const flow = await openStartLink(t);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/flow/${flow.instanceId}/steps/${flow.step.stepId}?lang=de`,
      headers: { cookie: flow.cookie },
      payload: { action: 'submit', data: { userName: 'taken', displayName: 'Someone' } },
    });
    expect(response.statusCode).toBe(400);
    const step = response.json().error.details.step;
    expect(step.locale).toBe('de');
    expect(step.errors).toEqual([
      { path: '/userName', message: 'Dieser Benutzername ist bereits vergeben.' },
    ]);
  });

  it('answers a stale step with 409 STEP_STALE', async () => {
    const flow = await openStartLink(t);
    const oldStep = flow.step.stepId;
    await flow.post({ action: 'submit', data: { userName: 'linus', displayName: 'Linus' } });
    const stale = await flow.post(
      { action: 'submit', data: { userName: 'linus', displayName: 'Linus' } },
      oldStep,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('STEP_STALE');
  });

  it('refuses a request without the capability cookie', async () => {
    const flow = await openStartLink(t);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/flow/${flow.instanceId}/step`,
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('CAPABILITY_INVALID');
  });
});
