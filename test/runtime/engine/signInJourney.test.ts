import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../support/buildTestApp';
import { createSoftAuthenticator } from '../../support/createSoftAuthenticator';
import { openStartLink } from '../../support/flowClient';
import { createTestUser } from '../../support/registrationHelpers';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

/** Register `userName` through the built-in registration journey; its authenticator holds the passkey. */
async function register(userName: string, displayName: string) {
  const authenticator = createSoftAuthenticator();
  const flow = await openStartLink(t);
  await flow.post({ action: 'submit', data: { userName, displayName } });
  await flow.post({
    action: 'submit',
    browserResponse: authenticator.createCredential(flow.step.ceremony.creationOptions),
  });
  expect(flow.step.outcome).toBe('success');
  return authenticator;
}

const signIn = () => openStartLink(t, { tokenName: 'demo-sign-in' });
const admin = async (id: string) =>
  (await t.request('GET', `/api/process-manager/processInstances/${id}`)).body;

describe('the built-in passkey-sign-in journey', () => {
  it('signs in usernameless (autofill options on the form) and says who signed in', async () => {
    const authenticator = await register('ada', 'Ada Lovelace');
    const flow = await signIn();
    expect(flow.step.component).toBe('passkeySignIn');
    expect(flow.step.submitLabel).toBe('Sign in with a passkey');
    expect(flow.step.ceremony).toBeNull();
    const options = flow.step.autofill.requestOptions;
    expect(options.allowCredentials ?? []).toEqual([]);

    const done = await flow.post({
      action: 'submit',
      browserResponse: authenticator.getAssertion(options),
    });
    expect(done.status).toBe(200);
    expect(flow.step.component).toBe('end');
    expect(flow.step.outcome).toBe('success');
    expect(flow.step.message).toBe('You are signed in as Ada Lovelace.');

    const view = await admin(flow.instanceId);
    expect(view.decision).toBe('PASS');
    const users = view.captures._identityStore.users;
    expect(users.ada).toEqual({
      id: expect.any(String),
      userKey: 'ada',
      externalId: expect.any(String),
    });
    const auth = view.captures._identityStore.passkeys.authentications.passkeyAuth1;
    expect(auth.userId).toBe(users.ada.id);
    expect(auth.user).toMatchObject({ userKey: 'ada', displayName: 'Ada Lovelace' });
    const record = auth.currentPasskeyAuthenticationRecord;
    expect(record.startPasskeyAuthenticationResponse.status).toBe('PENDING');
    expect(record.completePasskeyAuthenticationResponse).toMatchObject({
      status: 'COMPLETED',
      userId: users.ada.id,
      userVerified: true,
    });
    // The engine's own state is never in the integrator's view.
    expect(JSON.stringify(view)).not.toContain('"authentications":{"passkeyAuth1":{"request"');
  });

  it('narrows to the named user: the button ceremony lists their passkeys', async () => {
    const authenticator = await register('grace', 'Grace Hopper');
    const flow = await signIn();
    const firstStep = flow.step.stepId;
    const submitted = await flow.post({ action: 'submit', data: { userName: 'grace' } });
    expect(submitted.status).toBe(200);
    expect(flow.step.stepId).not.toBe(firstStep);
    expect(flow.step.autofill).toBeNull();
    const options = flow.step.ceremony.requestOptions;
    expect(options.allowCredentials.map((c: { id: string }) => c.id)).toEqual([
      authenticator.credentials[0]!.id,
    ]);
    await flow.post({ action: 'submit', browserResponse: authenticator.getAssertion(options) });
    expect(flow.step.message).toBe('You are signed in as Grace Hopper.');
  });

  it('answers a name that is no user exactly as a user without a passkey: usernameless', async () => {
    await createTestUser(t, 'nopasskey');
    const shapes = [];
    for (const userName of ['nobody', 'nopasskey']) {
      const flow = await signIn();
      const answer = await flow.post({ action: 'submit', data: { userName } });
      const { challenge, ...options } = flow.step.ceremony.requestOptions;
      expect(challenge).toEqual(expect.any(String));
      shapes.push({ status: answer.status, component: flow.step.component, options });
    }
    expect(shapes[0]).toEqual(shapes[1]);
    expect(shapes[0]?.options.allowCredentials ?? []).toEqual([]);
  });

  it('cancel → retry form → a fresh challenge → success', async () => {
    const authenticator = await register('linus', 'Linus');
    const flow = await signIn();
    const first = flow.step.autofill.requestOptions.challenge;
    await flow.post({ action: 'submit', data: {} });
    expect(flow.step.ceremony.requestOptions.challenge).toBe(first);
    await flow.post({ action: 'cancel', reason: 'cancelled' });
    expect(flow.step.component).toBe('form');
    expect(flow.step.submitLabel).toBe('Try again');
    await flow.post({ action: 'submit', data: {} });
    expect(flow.step.component).toBe('passkeySignIn');
    const fresh = flow.step.autofill.requestOptions;
    expect(fresh.challenge).not.toBe(first);
    await flow.post({ action: 'submit', browserResponse: authenticator.getAssertion(fresh) });
    expect(flow.step.outcome).toBe('success');
    expect((await admin(flow.instanceId)).decision).toBe('PASS');
  });

  it('"no passkey here" takes the noPasskey route, whose Try again comes back to sign in', async () => {
    const flow = await signIn();
    const cancelled = await flow.post({ action: 'cancel', reason: 'noPasskey' });
    expect(cancelled.status).toBe(200);
    expect(flow.step.component).toBe('form');
    expect(flow.step.form.name).toBe('passkey-sign-in-none');
    const view = await admin(flow.instanceId);
    expect(view.history.map((h: { event?: string }) => h.event).filter(Boolean)).toEqual([
      'noPasskey',
    ]);
    await flow.post({ action: 'submit', data: {} });
    expect(flow.step.component).toBe('passkeySignIn');
  });

  it('a refused assertion goes to the retry form; a good one then supersedes the failure', async () => {
    const authenticator = await register('barbara', 'Barbara');
    const flow = await signIn();
    const options = flow.step.autofill.requestOptions;
    await flow.post({
      action: 'submit',
      browserResponse: authenticator.getAssertion(options, { userVerified: false }),
    });
    expect(flow.step.component).toBe('form');
    expect((await admin(flow.instanceId)).failures).toMatchObject([
      { code: 'USER_VERIFICATION_REQUIRED', registrationKey: 'passkeyAuth1' },
    ]);
    await flow.post({ action: 'submit', data: {} });
    await flow.post({
      action: 'submit',
      browserResponse: authenticator.getAssertion(flow.step.autofill.requestOptions),
    });
    expect(flow.step.outcome).toBe('success');
    const view = await admin(flow.instanceId);
    expect(view.failures).toEqual([]);
    expect(view.decision).toBe('PASS');
  });

  it('a passkey the store never registered cannot sign in', async () => {
    await register('alan', 'Alan');
    const stranger = createSoftAuthenticator();
    const flow = await signIn();
    const response = await flow.post({
      action: 'submit',
      browserResponse: (() => {
        const other = { ...flow.step.autofill.requestOptions, rpId: 'localhost' };
        // A credential the store never registered: the server does not know it.
        stranger.createCredential({
          challenge: 'AAAAAAAAAAAAAAAAAAAAAA',
          rp: { id: 'localhost', name: 'x' },
          user: { id: 'dXNlcg', name: 'u', displayName: 'U' },
          pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
        });
        return stranger.getAssertion(other);
      })(),
    });
    expect(response.status).toBe(200);
    expect(flow.step.component).toBe('form');
    expect((await admin(flow.instanceId)).failures).toMatchObject([{ code: 'UNKNOWN_CREDENTIAL' }]);
  });
});
