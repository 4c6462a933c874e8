// biome-ignore-all lint/suspicious/noTemplateCurlyInString: process definitions are full of ${...}
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

const started =
  '_identityStore.passkeys.registrations["passkeyReg1"].currentPasskeyRegistrationRecord.startPasskeyRegistrationResponse';

const sessionIds = () =>
  (
    t.storage.sqlite.prepare('select id from registration_sessions').all() as Array<{
      id: string;
    }>
  ).map((row) => row.id);

async function deploy(definition: { name: string; nodes: Record<string, unknown> }) {
  const uploaded = await t.request(
    'POST',
    `/api/process-manager/processDefinitions/${definition.name}/versions`,
    { body: { definition: { start: 'start', ...definition } } },
  );
  if (uploaded.status !== 201) throw new Error(JSON.stringify(uploaded.body));
  await t.request('POST', '/api/process-manager/processTokens', {
    body: { name: definition.name, processDefnName: definition.name, type: 'UNLIMITED' },
  });
  return definition.name;
}

/** A `startPasskeyRegistration` node on the default RP and policy, for the given user. */
const startRegistration = (user: Record<string, string>, rest: Record<string, unknown>) => ({
  type: 'startPasskeyRegistration',
  inputs: { relyingPartyId: 'localhost', registrationPolicy: 'default', ...user },
  ...rest,
});

const adminView = async (instanceId: string) =>
  (await t.request('GET', `/api/process-manager/processInstances/${instanceId}`)).body;

describe('a registration is issued once, when its options can be final', () => {
  it('the built-in form journey writes one session, at the form submit', async () => {
    const flow = await openStartLink(t);
    expect(countRows(t, 'registration_sessions')).toBe(0);
    await flow.post({ action: 'submit', data: { userName: 'ada', displayName: 'Ada' } });
    expect(countRows(t, 'registration_sessions')).toBe(1);
    const browserResponse = createSoftAuthenticator().createCredential(
      flow.step.ceremony.creationOptions,
    );
    await flow.post({ action: 'submit', browserResponse });
    expect(flow.step).toMatchObject({ component: 'end', outcome: 'success' });
    expect(countRows(t, 'registration_sessions')).toBe(1);

    // The context holds the TrustX view only: the request and the response stay server-side.
    const admin = await adminView(flow.instanceId);
    const record =
      admin.captures._identityStore.passkeys.registrations.passkeyReg1
        .currentPasskeyRegistrationRecord;
    expect(Object.keys(record).sort()).toEqual([
      'completePasskeyRegistrationResponse',
      'startPasskeyRegistrationResponse',
    ]);
    expect(Object.keys(record.startPasskeyRegistrationResponse).sort()).toEqual([
      'clientRequest',
      'expiresAt',
      'sessionId',
      'status',
    ]);
    expect(record.startPasskeyRegistrationResponse.sessionId).toBe(sessionIds()[0]);
    expect(record.completePasskeyRegistrationResponse).toMatchObject({ status: 'COMPLETED' });
    expect(JSON.stringify(admin)).not.toContain('"request"');
  });

  it('a definition that reads the options before any form gets them issued first', async () => {
    await t.request('POST', '/api/identity-store/stores/default/users', {
      body: { userKey: 'peeker' },
    });
    await uploadPage(t, 'peek', { json: jsonBody({ 'index.html': '<p>peek</p>' }) });
    const name = await deploy({
      name: 'peek',
      nodes: {
        start: { type: 'start', next: 'startReg' },
        startReg: startRegistration({ userKey: 'peeker' }, { next: 'peek' }),
        // No registrationKey: only the constants read the options.
        peek: {
          type: 'customPage',
          inputs: {
            pageName: 'peek',
            constants: {
              challenge: `\${${started}.clientRequest.challenge}`,
              sessionId: `\${${started}.sessionId}`,
              request: `\${${started}.clientRequest}`,
            },
          },
          next: 'complete',
        },
        complete: {
          type: 'completePasskeyRegistration',
          inputs: {
            browserResponse: '${_customUis.peek.currentCapture.customPageParameters.r.value}',
          },
          next: 'end',
        },
        end: { type: 'end' },
      },
    });
    const flow = await openStartLink(t, { tokenName: name });
    expect(flow.step.component).toBe('page');
    const { challenge, sessionId, request } = flow.step.constants;
    expect(sessionIds()).toEqual([sessionId]);
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(request.challenge).toBe(challenge);

    const response = createSoftAuthenticator().createCredential(request);
    await flow.post({ action: 'submit', parameters: { r: response } });
    expect(flow.step).toMatchObject({ component: 'end', outcome: 'success' });
    expect(countRows(t, 'passkeys')).toBe(1);
    expect(countRows(t, 'registration_sessions')).toBe(1);
  });

  it('a `when` that reads the options sees an issued session', async () => {
    await t.request('POST', '/api/identity-store/stores/default/users', {
      body: { userKey: 'brancher' },
    });
    const name = await deploy({
      name: 'branch-on-session',
      nodes: {
        start: { type: 'start', next: 'startReg' },
        startReg: startRegistration(
          { userKey: 'brancher' },
          { next: [{ when: `\${${started}.sessionId != null}`, to: 'issued' }, { to: 'missing' }] },
        ),
        issued: { type: 'end', inputs: { message: `issued \${${started}.status}` } },
        missing: { type: 'end', inputs: { message: 'missing' } },
      },
    });
    const flow = await openStartLink(t, { tokenName: name });
    expect(flow.step).toMatchObject({ component: 'end', message: 'issued PENDING' });
    expect(countRows(t, 'registration_sessions')).toBe(1);
  });

  it('a misconfigured request still stops at its node, with nothing issued', async () => {
    const name = await deploy({
      name: 'no-such-user',
      nodes: {
        start: { type: 'start', next: 'startReg' },
        startReg: startRegistration(
          { userExternalId: 'nobody' },
          { next: 'end', on: { failedIdStoreCall: 'decide' } },
        ),
        decide: { type: 'simpleDecider', next: 'end' },
        end: { type: 'end' },
      },
    });
    const flow = await openStartLink(t, { tokenName: name });
    expect(flow.step).toMatchObject({ component: 'end', outcome: 'failure', decision: 'FAIL' });
    const admin = await adminView(flow.instanceId);
    expect(admin.failures).toEqual([
      expect.objectContaining({
        nodeId: 'startReg',
        code: 'USER_NOT_FOUND',
        registrationKey: 'passkeyReg1',
      }),
    ]);
    expect(countRows(t, 'registration_sessions')).toBe(0);
  });
});
