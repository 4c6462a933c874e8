import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { describe, expect, it } from 'vitest';
import { runPasskeyCeremony } from '../../renderer/passkey/runPasskeyCeremony';

const creationOptions: PublicKeyCredentialCreationOptionsJSON = {
  challenge: 'Y2hhbGxlbmdl',
  rp: { id: 'localhost', name: 'Keyform' },
  user: { id: 'dXNlcg', name: 'alice', displayName: 'Alice' },
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  timeout: 60_000,
};

const response = { id: 'cred', rawId: 'cred', type: 'public-key' } as RegistrationResponseJSON;

describe('runPasskeyCeremony', () => {
  it('submits the browser response, passing the options through unchanged', async () => {
    let received: unknown;
    const action = await runPasskeyCeremony({
      creationOptions,
      browserSupportsWebAuthn: () => true,
      startRegistration: async ({ optionsJSON }) => {
        received = optionsJSON;
        return response;
      },
    });
    expect(received).toBe(creationOptions);
    expect(action).toEqual({ action: 'submit', browserResponse: response });
  });

  it('cancels with the classified reason when create() fails', async () => {
    const action = await runPasskeyCeremony({
      creationOptions,
      browserSupportsWebAuthn: () => true,
      startRegistration: () => Promise.reject(new DOMException('dup', 'InvalidStateError')),
    });
    expect(action).toEqual({ action: 'cancel', reason: 'alreadyRegistered' });
  });

  it('tells a timeout from a dismissal by the time spent against options.timeout', async () => {
    let clock = 0;
    const run = (spentMs: number) =>
      runPasskeyCeremony({
        creationOptions,
        browserSupportsWebAuthn: () => true,
        now: () => clock,
        startRegistration: () => {
          clock += spentMs;
          return Promise.reject(new DOMException('no', 'NotAllowedError'));
        },
      });
    expect(await run(60_000)).toEqual({ action: 'cancel', reason: 'timedOut' });
    expect(await run(2_000)).toEqual({ action: 'cancel', reason: 'cancelled' });
  });

  it('cancels as notSupported without calling create() when WebAuthn is missing', async () => {
    let called = false;
    const action = await runPasskeyCeremony({
      creationOptions,
      browserSupportsWebAuthn: () => false,
      startRegistration: async () => {
        called = true;
        return response;
      },
    });
    expect(action).toEqual({ action: 'cancel', reason: 'notSupported' });
    expect(called).toBe(false);
  });
});
