import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { describe, expect, it } from 'vitest';
import { type FlowState, reduceFlow } from '../../renderer/flow/reduceFlow';
import { buildPageVariables } from '../../renderer/pages/buildPageVariables';
import { createPasskeyForPage } from '../../renderer/pages/createPasskeyForPage';
import { matchPasskeyRequest } from '../../renderer/pages/matchPasskeyRequest';
import { parsePageMessage } from '../../renderer/pages/parsePageMessage';
import type { PageStepView } from '../../runtime/engine/StepView';

const creationOptions: PublicKeyCredentialCreationOptionsJSON = {
  challenge: 'Y2hhbGxlbmdl',
  rp: { id: 'localhost', name: 'Keyform' },
  user: { id: 'dXNlcg', name: 'alice', displayName: 'Alice' },
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  timeout: 60_000,
};

const pageStep: PageStepView = {
  stepId: 's1',
  instanceId: 'instance-secret-ish',
  locale: 'en',
  title: 'Register',
  component: 'page',
  pageUrl: 'http://localhost:3000/pages/default/p/1/index.html',
  constants: { greeting: 'hi' },
  ceremony: { creationOptions },
};

describe('parsePageMessage', () => {
  it('accepts TrustX READY and SEND, and Keyform CANCEL and CREATE_PASSKEY', () => {
    expect(parsePageMessage({ event: 'READY' })).toEqual({ event: 'READY' });
    expect(parsePageMessage({ event: 'SEND', variables: { a: [1, { b: null }] } })).toEqual({
      event: 'SEND',
      variables: { a: [1, { b: null }] },
    });
    expect(parsePageMessage({ event: 'CANCEL' })).toEqual({ event: 'CANCEL' });
    expect(
      parsePageMessage({
        event: 'CREATE_PASSKEY',
        requestId: 'r1',
        publicKey: { challenge: 'abc', rpId: 'localhost' },
        user: { userName: 'ada' },
      }),
    ).toEqual({
      event: 'CREATE_PASSKEY',
      requestId: 'r1',
      publicKey: { challenge: 'abc', rpId: 'localhost' },
      user: { userName: 'ada' },
    });
  });

  it.each([null, 'READY', ['READY'], { event: 1 }, { event: 'HELLO' }, { type: 'READY' }])(
    'ignores what is not ours: %j',
    (data) => expect(parsePageMessage(data)).toBeNull(),
  );

  it.each([
    [{ event: 'SEND' }, 'object'],
    [{ event: 'SEND', variables: ['x'] }, 'object'],
    [{ event: 'SEND', variables: { 'a-b': 1 } }, 'plain name'],
    [{ event: 'SEND', variables: { a: new Uint8Array(2) } }, 'plain JSON'],
    [{ event: 'SEND', variables: { a: Number.POSITIVE_INFINITY } }, 'plain JSON'],
    [{ event: 'SEND', variables: { a: 'x'.repeat(50_000) } }, 'bytes'],
  ])('says why a SEND is malformed: %j', (data, said) => {
    const parsed = parsePageMessage(data);
    expect(parsed?.event).toBe('INVALID');
    if (parsed?.event === 'INVALID') expect(parsed.message).toContain(said);
  });

  it('answers a malformed CREATE_PASSKEY only when it can be matched to its call', () => {
    expect(parsePageMessage({ event: 'CREATE_PASSKEY', requestId: 'bad id!' })).toBeNull();
    expect(
      parsePageMessage({ event: 'CREATE_PASSKEY', requestId: 'r', publicKey: { challenge: '+/' } }),
    ).toMatchObject({ event: 'INVALID', requestId: 'r' });
    expect(
      parsePageMessage({ event: 'CREATE_PASSKEY', requestId: 'r', user: { userName: '' } }),
    ).toMatchObject({ event: 'INVALID', requestId: 'r' });
  });
});

describe('matchPasskeyRequest', () => {
  it('matches the issued challenge (padding aside), RP and user', () => {
    expect(
      matchPasskeyRequest({
        request: { challenge: 'Y2hhbGxlbmdl==', rpId: 'localhost', userId: 'dXNlcg' },
        creationOptions,
      }),
    ).toEqual({ ok: true });
  });

  it.each([
    [{ challenge: 'b3RoZXI' }, 'challenge'],
    [{ challenge: 'Y2hhbGxlbmdl', rpId: 'evil.example' }, 'rp.id'],
    [{ challenge: 'Y2hhbGxlbmdl', userId: 'b3RoZXI' }, 'user.id'],
  ])('refuses %j', (request, said) => {
    const result = matchPasskeyRequest({ request, creationOptions });
    expect(result.ok ? 'ok' : result.message).toContain(said);
  });
});

describe('createPasskeyForPage', () => {
  const response = { id: 'c', rawId: 'c', type: 'public-key' } as RegistrationResponseJSON;

  it('runs the server’s options and returns the response', async () => {
    let used: unknown;
    const result = await createPasskeyForPage({
      creationOptions,
      browserSupportsWebAuthn: () => true,
      startRegistration: async ({ optionsJSON }) => {
        used = optionsJSON;
        return response;
      },
    });
    expect(used).toBe(creationOptions);
    expect(result).toEqual({ ok: true, response });
  });

  it('classifies a failure and keeps the DOMException name for the page', async () => {
    const result = await createPasskeyForPage({
      creationOptions,
      browserSupportsWebAuthn: () => true,
      startRegistration: () => Promise.reject(new DOMException('dup', 'InvalidStateError')),
    });
    expect(result).toEqual({
      ok: false,
      error: { reason: 'alreadyRegistered', name: 'InvalidStateError', message: 'dup', fields: [] },
    });
  });

  it('says notSupported without WebAuthn', async () => {
    const result = await createPasskeyForPage({
      creationOptions,
      browserSupportsWebAuthn: () => false,
      startRegistration: () => Promise.reject(new Error('unreachable')),
    });
    expect(result).toMatchObject({ ok: false, error: { reason: 'notSupported' } });
  });
});

describe('buildPageVariables', () => {
  it('hands the page its constants and locale, never the instance or step id', () => {
    const variables = buildPageVariables({ step: pageStep });
    expect(variables).toEqual({
      sessionData: { locale: 'en', title: 'Register' },
      constants: { greeting: 'hi' },
    });
    expect(JSON.stringify(variables)).not.toContain(pageStep.instanceId);
    expect(JSON.stringify(variables)).not.toContain('"s1"');
  });
});

describe('reduceFlow for pages', () => {
  const ready: FlowState = {
    kind: 'ready',
    version: 3,
    step: pageStep,
    busy: 'ceremony',
    error: null,
  };

  it('keeps the version (and focus) when the same page comes back with new options', () => {
    const next = reduceFlow(ready, { type: 'stepReceived', step: { ...pageStep, stepId: 's2' } });
    expect(next).toMatchObject({ kind: 'ready', version: 3, busy: null });
    const other = reduceFlow(ready, {
      type: 'stepReceived',
      step: {
        ...pageStep,
        stepId: 's3',
        pageUrl: 'http://localhost:3000/pages/default/q/1/index.html',
      },
    });
    expect(other.version).toBe(4);
  });

  it('settles a page’s request without a new screen', () => {
    expect(reduceFlow(ready, { type: 'settled' })).toEqual({ ...ready, busy: null });
  });
});
