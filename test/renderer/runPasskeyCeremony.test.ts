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
  it('returns the browser response, passing the options through unchanged', async () => {
    let received: unknown;
    const result = await runPasskeyCeremony({
      creationOptions,
      browserSupportsWebAuthn: () => true,
      startRegistration: async ({ optionsJSON }) => {
        received = optionsJSON;
        return response;
      },
    });
    expect(received).toBe(creationOptions);
    expect(result).toEqual({ ok: true, response });
  });

  it('classifies the reason when create() fails and keeps what it threw', async () => {
    const thrown = new DOMException('dup', 'InvalidStateError');
    const result = await runPasskeyCeremony({
      creationOptions,
      browserSupportsWebAuthn: () => true,
      startRegistration: () => Promise.reject(thrown),
    });
    expect(result).toEqual({ ok: false, reason: 'alreadyRegistered', error: thrown });
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
    expect(await run(60_000)).toMatchObject({ ok: false, reason: 'timedOut' });
    expect(await run(2_000)).toMatchObject({ ok: false, reason: 'cancelled' });
  });

  it('fails as notSupported without calling create() when WebAuthn is missing', async () => {
    let called = false;
    const result = await runPasskeyCeremony({
      creationOptions,
      browserSupportsWebAuthn: () => false,
      startRegistration: async () => {
        called = true;
        return response;
      },
    });
    expect(result).toMatchObject({ ok: false, reason: 'notSupported' });
    expect(result.ok ? null : (result.error as DOMException).name).toBe('NotSupportedError');
    expect(called).toBe(false);
  });
});
