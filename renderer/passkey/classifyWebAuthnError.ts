import type { WebAuthnErrorCode } from '@simplewebauthn/browser';
import type { cancelReasons } from '../../runtime/engine/StepView';

export type CancelReason = (typeof cancelReasons)[number];

// SimpleWebAuthn's codes (helpers/identifyRegistrationError) already say why; null means
// "look at the DOMException name instead" (the passthrough code wraps NotAllowedError).
const reasonByCode: Record<WebAuthnErrorCode, CancelReason | null> = {
  ERROR_CEREMONY_ABORTED: 'cancelled',
  ERROR_INVALID_DOMAIN: 'securityError',
  ERROR_INVALID_RP_ID: 'securityError',
  ERROR_INVALID_USER_ID_LENGTH: 'unknown',
  ERROR_MALFORMED_PUBKEYCREDPARAMS: 'notSupported',
  ERROR_AUTHENTICATOR_GENERAL_ERROR: 'unknown',
  ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT: 'notSupported',
  ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT: 'notSupported',
  ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED: 'alreadyRegistered',
  ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG: 'notSupported',
  ERROR_AUTO_REGISTER_USER_VERIFICATION_FAILURE: 'notSupported',
  ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY: null,
};

// The DOMException names navigator.credentials.create() rejects with (WebAuthn L2 §5.1.3).
const reasonByName: Record<string, CancelReason> = {
  NotAllowedError: 'cancelled',
  AbortError: 'cancelled',
  InvalidStateError: 'alreadyRegistered',
  NotSupportedError: 'notSupported',
  ConstraintError: 'notSupported',
  SecurityError: 'securityError',
};

// startRegistration() throws a plain Error with this text when PublicKeyCredential is missing.
const notSupportedMessage = 'WebAuthn is not supported in this browser';

// Browsers fire the timeout a little late or early; this much slack still counts as it.
const timeoutSlackMs = 1_000;

// A sign-in refused sooner than this was never put to the user: no prompt can be read and
// dismissed that fast, so the browser had no passkey for the site to offer (it answers at once,
// with the same NotAllowedError a cancel gives, since WebAuthn L3 §14.5.2 hides the difference).
const noPasskeyWithinMs = 300;

/**
 * The cancel reason to send for a failed ceremony (`create`, or `get` for a sign-in).
 * NotAllowedError covers "the user dismissed the prompt", "the prompt timed out" and, for a
 * sign-in, "no passkey here"; only the elapsed time tells them apart, so `timedOut` and
 * `noPasskey` need `elapsedMs` (and `timedOut` the options' `timeoutMs`).
 */
export function classifyWebAuthnError(
  error: unknown,
  {
    webAuthnSupported = true,
    elapsedMs = null,
    timeoutMs = null,
    ceremony = 'create',
  }: {
    webAuthnSupported?: boolean;
    elapsedMs?: number | null;
    timeoutMs?: number | null;
    ceremony?: 'create' | 'get';
  } = {},
): CancelReason {
  if (!webAuthnSupported) return 'notSupported';
  if (typeof error !== 'object' || error === null) return 'unknown';
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };

  const byCode = typeof code === 'string' && Object.hasOwn(reasonByCode, code);
  const codeReason = byCode ? reasonByCode[code as WebAuthnErrorCode] : null;
  if (codeReason) return codeReason;

  if (typeof name === 'string' && Object.hasOwn(reasonByName, name)) {
    const reason = reasonByName[name]!;
    const timedOut =
      elapsedMs !== null && timeoutMs !== null && elapsedMs >= timeoutMs - timeoutSlackMs;
    if (name !== 'NotAllowedError') return reason;
    if (timedOut) return 'timedOut';
    const unasked = ceremony === 'get' && elapsedMs !== null && elapsedMs < noPasskeyWithinMs;
    return unasked ? 'noPasskey' : reason;
  }
  if (message === notSupportedMessage) return 'notSupported';
  return 'unknown';
}
