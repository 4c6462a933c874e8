import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { describe, expect, it } from 'vitest';
import { runPasskeyCeremony } from '../../renderer/passkey/runPasskeyCeremony';

const requestOptions: PublicKeyCredentialRequestOptionsJSON = {
  challenge: 'Y2hhbGxlbmdl',
  rpId: 'localhost',
  timeout: 60_000,
};

/** A get() that fails with NotAllowedError after `spentMs` of the clock. */
const failAfter = (spentMs: number, name = 'NotAllowedError') => {
  let clock = 0;
  return runPasskeyCeremony({
    requestOptions,
    browserSupportsWebAuthn: () => true,
    now: () => clock,
    startAuthentication: () => {
      clock += spentMs;
      return Promise.reject(new DOMException('no', name));
    },
  });
};

describe('runPasskeyCeremony for a sign-in (get)', () => {
  it('passes the options and the autofill flag through', async () => {
    let received: unknown;
    const response = { id: 'c', rawId: 'c', type: 'public-key' } as never;
    const result = await runPasskeyCeremony({
      requestOptions,
      useBrowserAutofill: true,
      browserSupportsWebAuthn: () => true,
      startAuthentication: async (opts) => {
        received = opts;
        return response;
      },
    });
    expect(received).toEqual({ optionsJSON: requestOptions, useBrowserAutofill: true });
    expect(result).toEqual({ ok: true, response });
  });

  it('tells no passkey (refused before any prompt), a cancel and a timeout apart', async () => {
    const reasonAfter = async (spentMs: number, name?: string) => {
      const result = await failAfter(spentMs, name);
      return result.ok ? 'ok' : result.reason;
    };
    expect(await reasonAfter(5)).toBe('noPasskey');
    expect(await reasonAfter(2_000)).toBe('cancelled');
    expect(await reasonAfter(60_000)).toBe('timedOut');
    // Our own abort (the button's ceremony replacing autofill) is a cancel, however fast.
    expect(await reasonAfter(1, 'AbortError')).toBe('cancelled');
  });

  it('a registration refused at once stays a cancel: only a sign-in finds no passkey', async () => {
    let clock = 0;
    const result = await runPasskeyCeremony({
      creationOptions: {
        challenge: 'Y2hhbGxlbmdl',
        rp: { id: 'localhost', name: 'K' },
        user: { id: 'dXNlcg', name: 'a', displayName: 'A' },
        pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
      },
      browserSupportsWebAuthn: () => true,
      now: () => clock,
      startRegistration: () => {
        clock += 5;
        return Promise.reject(new DOMException('no', 'NotAllowedError'));
      },
    });
    expect(result.ok || result.reason).toBe('cancelled');
  });
});
