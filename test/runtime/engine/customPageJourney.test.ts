// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" is Keyform's expression syntax in process definitions, not a mistaken template literal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../support/buildTestApp';
import { createSoftAuthenticator } from '../../support/createSoftAuthenticator';
import { openStartLink } from '../../support/flowClient';
import { jsonBody, uploadPage } from '../../support/pageUploads';
import { countRows } from '../../support/registrationHelpers';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const openPageJourney = () => openStartLink(t, { tokenName: 'demo-page' });

describe('the built-in passkey-registration-page journey', () => {
  it('shows the built-in page with the issued options as constant and ceremony', async () => {
    const flow = await openPageJourney();
    expect(flow.step.component).toBe('page');
    expect(flow.step.pageUrl).toBe(
      'http://localhost:3000/pages/default/passkey-registration-page/1/index.html',
    );
    const request = flow.step.constants.passkeyRegClientRequest;
    expect(request.challenge).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(flow.step.ceremony).toEqual({ creationOptions: request });
  });

  it('names SEND → same page, new stepId and options with those names → response SEND → stored passkey', async () => {
    const flow = await openPageJourney();
    const first = flow.step;
    const named = await flow.post({
      action: 'submit',
      parameters: { userName: 'ada', userDisplayName: 'Ada Lovelace' },
    });
    expect(named.status).toBe(200);
    expect(flow.step.component).toBe('page');
    expect(flow.step.stepId).not.toBe(first.stepId);
    const options = flow.step.ceremony.creationOptions;
    expect(options.challenge).not.toBe(first.ceremony.creationOptions.challenge);
    expect(options.user).toMatchObject({ name: 'ada', displayName: 'Ada Lovelace' });
    expect(flow.step.constants.passkeyRegClientRequest).toEqual(options);

    const response = createSoftAuthenticator().createCredential(options);
    const done = await flow.post({
      action: 'submit',
      parameters: { passkeyRegClientResponse: response },
    });
    expect(done.status).toBe(200);
    expect(flow.step).toMatchObject({ component: 'end', outcome: 'success' });
    expect(countRows(t, 'users')).toBe(1);
    expect(countRows(t, 'passkeys')).toBe(1);

    const admin = await t.request(
      'GET',
      `/api/process-manager/processInstances/${flow.instanceId}`,
    );
    const capture = admin.body.captures._customUis.regPage.currentCapture.customPageParameters;
    expect(capture.userName).toEqual({ value: 'ada' });
    expect(capture.passkeyRegClientResponse).toBe('[redacted]');
  });

  it('refuses a SEND that is not plain JSON of plain names, keeping the step (400)', async () => {
    const flow = await openPageJourney();
    const stepId = flow.step.stepId;
    for (const parameters of [
      { 'bad-name': 1 },
      { big: 'x'.repeat(33 * 1024) },
      { deep: JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`) },
    ]) {
      const reply = await flow.post({ action: 'submit', parameters });
      expect(reply.status).toBe(400);
      expect(reply.body.error?.code).toBe('PAGE_PARAMETERS_INVALID');
    }
    const current = await flow.refresh();
    expect(current.body.stepId).toBe(stepId);
  });

  it('refuses names it cannot use, and a taken user name, with field errors', async () => {
    await t.request('POST', '/api/identity-store/stores/default/users', {
      body: { userKey: 'taken' },
    });
    const flow = await openPageJourney();
    const spaced = await flow.post({ action: 'submit', parameters: { userName: 'a b' } });
    expect(spaced.status).toBe(400);
    expect(spaced.body.error?.details?.fields).toEqual([
      { path: '/userName', message: expect.stringContaining('without spaces') },
    ]);
    const taken = await flow.post({
      action: 'submit',
      parameters: { userName: 'taken', userDisplayName: 'Someone' },
    });
    expect(taken.status).toBe(400);
    expect(taken.body.error?.details?.fields).toEqual([
      { path: '/userName', message: 'This user name is already taken.' },
    ]);
  });

  it('cancel → retry form → the page again with a fresh challenge → success', async () => {
    const flow = await openPageJourney();
    await flow.post({ action: 'submit', parameters: { userName: 'grace', userDisplayName: 'G' } });
    const cancelledChallenge = flow.step.ceremony.creationOptions.challenge;
    await flow.post({ action: 'cancel', reason: 'cancelled' });
    expect(flow.step.component).toBe('form');
    await flow.post({ action: 'submit', data: {} });
    expect(flow.step.component).toBe('page');
    const options = flow.step.ceremony.creationOptions;
    expect(options.challenge).not.toBe(cancelledChallenge);
    // The names sent on the first visit are kept for the fresh options.
    expect(options.user.name).toBe('grace');
    const response = createSoftAuthenticator().createCredential(options);
    await flow.post({ action: 'submit', parameters: { passkeyRegClientResponse: response } });
    expect(flow.step.outcome).toBe('success');
  });

  it('a timeout (sent, or past timeoutSeconds) leaves by `timeout` and cancels the session', async () => {
    const flow = await openPageJourney();
    await flow.post({ action: 'timeout' });
    expect(flow.step.component).toBe('form');
    const sessions = t.storage.sqlite
      .prepare('select state from registration_sessions')
      .all() as Array<{ state: string }>;
    expect(sessions.map((row) => row.state)).toEqual(['CANCELLED']);
  });

  it('a SEND without a response goes to complete, which treats it as a cancel (retry)', async () => {
    const flow = await openPageJourney();
    await flow.post({ action: 'submit', parameters: { somethingElse: true } });
    expect(flow.step.component).toBe('form');
    expect(countRows(t, 'passkeys')).toBe(0);
  });
});

describe('a customPage node without registrationKey (a TrustX page)', () => {
  it('captures every SEND and moves on; constants are resolved expressions', async () => {
    await uploadPage(t, 'survey', { json: jsonBody({ 'index.html': '<p>survey</p>' }) });
    const definition = {
      name: 'survey',
      start: 'start',
      nodes: {
        start: { type: 'start', next: 'page' },
        page: {
          type: 'customPage',
          inputs: {
            pageName: 'survey',
            pageKey: 'survey',
            constants: { greeting: 'hello ${_parameters.who}', answer: '${42}' },
          },
          next: 'end',
        },
        end: {
          type: 'end',
          inputs: { message: 'Thanks' },
        },
      },
    };
    const created = await t.request(
      'POST',
      '/api/process-manager/processDefinitions/survey/versions',
      { body: { definition } },
    );
    expect(created.body).toMatchObject({ version: 1 });
    const token = await t.request('POST', '/api/process-manager/processTokens', {
      body: {
        name: 'survey',
        processDefnName: 'survey',
        type: 'UNLIMITED',
        parameters: { who: 'you' },
      },
    });
    expect(token.status).toBe(201);
    const flow = await openStartLink(t, { tokenName: 'survey' });
    expect(flow.step).toMatchObject({
      component: 'page',
      constants: { greeting: 'hello you', answer: 42 },
      ceremony: null,
    });
    // Names are just variables here: no registration to re-issue.
    await flow.post({ action: 'submit', parameters: { userName: 'x', colour: 'blue' } });
    expect(flow.step.component).toBe('end');
    const admin = await t.request(
      'GET',
      `/api/process-manager/processInstances/${flow.instanceId}`,
    );
    expect(admin.body.captures._customUis.survey.currentCapture.customPageParameters).toEqual({
      userName: { value: 'x' },
      colour: { value: 'blue' },
    });
  });
});
