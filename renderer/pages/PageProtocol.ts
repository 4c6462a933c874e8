import type { RegistrationResponseJSON } from '@simplewebauthn/browser';
import type { CancelReason } from '../passkey/classifyWebAuthnError';

/**
 * The postMessage protocol between a custom page (in its sandboxed frame) and the host.
 * TrustX's part is unchanged: the page posts READY, the host answers `message` with
 * `{sessionData, constants}`, the page posts SEND with its variables. Keyform adds CANCEL,
 * CREATE_PASSKEY (the host runs the ceremony), and the host's ERROR and PASSKEY_RESULT.
 */
/** What the page is told about its step. */
export interface SessionData {
  /** The locale the step was rendered for, e.g. `en`. */
  locale: string;
  /** The process node's label, if it has one. */
  title: string | null;
}

/** What the host answers READY with: TrustX's `{sessionData, constants}`. */
export interface PageVariables {
  sessionData: SessionData;
  /** The customPage node's `constants`, each `${...}` resolved against the instance. */
  constants: Record<string, unknown>;
}

export interface FieldProblem {
  /** A JSON pointer into what was sent, e.g. `/userName`. */
  path: string;
  message: string;
}

/** What a page's passkey request needs to match: the server's options for this step. */
export interface PasskeyRequest {
  /** base64url, as in the options the page was given. */
  challenge: string;
  rpId?: string;
  /** base64url */
  userId?: string;
}

export type PageMessage =
  | { event: 'READY' }
  | { event: 'SEND'; variables: Record<string, unknown> }
  | { event: 'CANCEL' }
  | {
      event: 'CREATE_PASSKEY';
      requestId: string;
      /** From the bridge (navigator.credentials.create): what the page asked for. */
      publicKey: PasskeyRequest | null;
      /** From the SDK's createPasskey(names): have the options re-issued with these first. */
      user: { userName: string; displayName?: string } | null;
    };

/**
 * Why no passkey was created. From the browser's error: `cancelled` (the user dismissed the
 * prompt, or the authenticator refused: NotAllowedError), `timedOut`, `alreadyRegistered` (this
 * authenticator already holds a passkey for the user: InvalidStateError), `notSupported` (the
 * browser or device cannot create this passkey), `securityError`, `unknown`. From the host:
 * `invalidInput` (the names given to createPasskey() were refused; see `fields`),
 * `requestMismatch` (a create() whose challenge is not the one issued for this step),
 * `notReady` (the step is not bound to a registration: the node has no `registrationKey`),
 * `busy` (another request of the page is still under way).
 */
export type PasskeyFailureReason =
  | CancelReason
  | 'invalidInput'
  | 'requestMismatch'
  | 'notReady'
  | 'busy';

/** Why the host did not create a passkey, as PASSKEY_RESULT carries it. */
export interface PasskeyFailure {
  reason: PasskeyFailureReason;
  /** The DOMException name the page's create() rejects with (NotAllowedError, ...). */
  name: string;
  message: string;
  fields: FieldProblem[];
}

/** A SEND the host or server refused (e.g. `PAGE_PARAMETERS_INVALID`), or a malformed message. */
export interface HostError {
  code: string;
  message: string;
  fields: FieldProblem[];
}

export type HostMessage =
  | { event: 'message'; variables: PageVariables }
  | { event: 'ERROR'; error: HostError }
  | { event: 'PASSKEY_RESULT'; requestId: string; ok: true; response: RegistrationResponseJSON }
  | { event: 'PASSKEY_RESULT'; requestId: string; ok: false; error: PasskeyFailure };
