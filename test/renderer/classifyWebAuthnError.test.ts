import { WebAuthnError } from '@simplewebauthn/browser';
import { describe, expect, it } from 'vitest';
import { classifyWebAuthnError } from '../../renderer/passkey/classifyWebAuthnError';

const domError = (name: string, message = 'x') => new DOMException(message, name);

describe('classifyWebAuthnError', () => {
  it.each([
    ['NotAllowedError', 'cancelled'],
    ['AbortError', 'cancelled'],
    ['InvalidStateError', 'alreadyRegistered'],
    ['NotSupportedError', 'notSupported'],
    ['ConstraintError', 'notSupported'],
    ['SecurityError', 'securityError'],
    ['UnknownError', 'unknown'],
    ['TypeError', 'unknown'],
  ])('maps a DOMException named %s to %s', (name, reason) => {
    expect(classifyWebAuthnError(domError(name))).toBe(reason);
  });

  it('reads DOMException-like plain objects (other realms, polyfills)', () => {
    expect(classifyWebAuthnError({ name: 'InvalidStateError', message: 'm' })).toBe(
      'alreadyRegistered',
    );
  });

  it.each([
    ['ERROR_CEREMONY_ABORTED', 'AbortError', 'cancelled'],
    ['ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED', 'InvalidStateError', 'alreadyRegistered'],
    ['ERROR_INVALID_RP_ID', 'SecurityError', 'securityError'],
    ['ERROR_INVALID_DOMAIN', 'SecurityError', 'securityError'],
    ['ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG', 'NotSupportedError', 'notSupported'],
    ['ERROR_MALFORMED_PUBKEYCREDPARAMS', 'NotSupportedError', 'notSupported'],
    [
      'ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT',
      'ConstraintError',
      'notSupported',
    ],
    ['ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT', 'ConstraintError', 'notSupported'],
    ['ERROR_AUTHENTICATOR_GENERAL_ERROR', 'UnknownError', 'unknown'],
    ['ERROR_INVALID_USER_ID_LENGTH', 'TypeError', 'unknown'],
  ] as const)("maps SimpleWebAuthn's %s to %s", (code, name, reason) => {
    const error = new WebAuthnError({ message: 'm', code, cause: domError(name) });
    expect(classifyWebAuthnError(error)).toBe(reason);
  });

  it('looks through the passthrough code to the NotAllowedError name', () => {
    const error = new WebAuthnError({
      message: 'The operation either timed out or was not allowed.',
      code: 'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY',
      cause: domError('NotAllowedError'),
    });
    expect(classifyWebAuthnError(error)).toBe('cancelled');
  });

  it('says timedOut for a NotAllowedError only when the timeout had run out', () => {
    const error = domError('NotAllowedError');
    expect(classifyWebAuthnError(error, { elapsedMs: 60_000, timeoutMs: 60_000 })).toBe('timedOut');
    expect(classifyWebAuthnError(error, { elapsedMs: 59_500, timeoutMs: 60_000 })).toBe('timedOut');
    expect(classifyWebAuthnError(error, { elapsedMs: 3_000, timeoutMs: 60_000 })).toBe('cancelled');
    // Without a timeout to compare with, a dismissal is the safer reading.
    expect(classifyWebAuthnError(error, { elapsedMs: 600_000 })).toBe('cancelled');
    // Other errors never become timedOut.
    expect(
      classifyWebAuthnError(domError('InvalidStateError'), { elapsedMs: 9e9, timeoutMs: 1 }),
    ).toBe('alreadyRegistered');
  });

  it('says notSupported when the browser has no WebAuthn', () => {
    expect(classifyWebAuthnError(domError('NotAllowedError'), { webAuthnSupported: false })).toBe(
      'notSupported',
    );
    // startRegistration() throws this plain Error without PublicKeyCredential.
    expect(classifyWebAuthnError(new Error('WebAuthn is not supported in this browser'))).toBe(
      'notSupported',
    );
  });

  it.each([
    [null],
    [undefined],
    ['NotAllowedError'],
    [42],
    [new Error('boom')],
    [{ name: 'constructor' }],
    [{ code: 'toString', name: 'x' }],
  ])('says unknown for %s', (error) => {
    expect(classifyWebAuthnError(error)).toBe('unknown');
  });
});
