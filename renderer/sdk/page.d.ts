/**
 * Keyform's page SDK, for custom pages running in Keyform's sandboxed frame:
 * `import { ready, send, cancel, createPasskey } from '{keyform}/sdk/page.js'`.
 * Hand-written declarations of renderer/sdk/page.ts; keep the two in step.
 *
 * Protocol (TrustX's, unchanged, plus Keyform's additions), all through `window.parent.postMessage`:
 *   page → host  {event: 'READY'}                      host answers {event: 'message', variables}
 *   page → host  {event: 'SEND', variables}            captured, and the step is left (see send)
 *   page → host  {event: 'CANCEL'}                     the process takes `userCancelled`
 *   page → host  {event: 'CREATE_PASSKEY', requestId, publicKey, user}
 *                                                      host answers {event: 'PASSKEY_RESULT', requestId, ok, ...}
 *   host → page  {event: 'ERROR', error: {code, message, fields}}   a SEND the server refused
 */

export interface SessionData {
  /** The locale the step was rendered for, e.g. `en`. */
  locale: string;
  /** The process node's label, if it has one. */
  title: string | null;
}

/** What `ready()` resolves with: TrustX's `{sessionData, constants}`. */
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

export type PasskeyFailureReason =
  /** The user dismissed the browser's prompt (or the authenticator refused: NotAllowedError). */
  | 'cancelled'
  /** The prompt timed out. */
  | 'timedOut'
  /** This authenticator already holds a passkey for the user (InvalidStateError). */
  | 'alreadyRegistered'
  /** The browser or device cannot create this passkey. */
  | 'notSupported'
  | 'securityError'
  | 'unknown'
  /** The names given to createPasskey() were refused; see `fields`. */
  | 'invalidInput'
  /** A create() whose challenge is not the one issued for this step. */
  | 'requestMismatch'
  /** This step is not bound to a registration (the node has no `registrationKey`). */
  | 'notReady'
  /** Another request of the page is still under way. */
  | 'busy';

/** WebAuthn's RegistrationResponseJSON: pass it on with `send()` as it is. */
export interface RegistrationResponseJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  response: {
    clientDataJSON: string;
    attestationObject: string;
    transports?: string[];
    authenticatorData?: string;
    publicKey?: string;
    publicKeyAlgorithm?: number;
  };
  authenticatorAttachment?: string;
  clientExtensionResults: Record<string, unknown>;
}

/** Why no passkey was created. `name` is the DOMException name the browser used. */
export declare class PasskeyError extends Error {
  readonly reason: PasskeyFailureReason;
  readonly fields: FieldProblem[];
  constructor(reason: PasskeyFailureReason, message: string, name: string, fields: FieldProblem[]);
}

/** A SEND the host or server refused (e.g. `PAGE_PARAMETERS_INVALID`). */
export interface HostError {
  code: string;
  message: string;
  fields: FieldProblem[];
}

/** Say READY; resolves with `{sessionData, constants}`. Throws outside a Keyform frame. */
export declare function ready(): Promise<PageVariables>;

/** Called whenever the host sends variables again (e.g. after passkey options were re-issued). */
export declare function onVariables(listener: (variables: PageVariables) => void): () => void;

/** Called when the host refuses something the page sent. */
export declare function onError(listener: (error: HostError) => void): () => void;

/**
 * TrustX's SEND. Each variable is captured at
 * `_customUis.<pageKey>.currentCapture.customPageParameters.<name>.value` and the step is left
 * (the process moves to the node's `next`). Names: 1-64 letters, digits or `_`; values: plain
 * JSON, at most 32 KiB each and 48 KiB in all.
 *
 * One exception: on a node with a `registrationKey`, a SEND of only `userName` and/or
 * `userDisplayName` keeps the step: the server re-issues the passkey options with those names
 * and the host sends fresh variables (`constants` resolved again) to the page.
 */
export declare function send(variables: Record<string, unknown>): void;

/** Leave the page as cancelled: the process takes the node's `userCancelled` path. */
export declare function cancel(): void;

/**
 * Have the host create a passkey for this step's registration (the frame's opaque origin cannot)
 * and resolve with the browser's response; then `send({passkeyRegClientResponse: response})`.
 * With `user`, the options are first re-issued with that user name and display name. Rejects
 * with a PasskeyError; a cancelled prompt can simply be retried.
 */
export declare function createPasskey(user?: {
  userName: string;
  displayName?: string;
}): Promise<RegistrationResponseJSON>;
