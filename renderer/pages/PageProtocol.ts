import type { RegistrationResponseJSON } from '@simplewebauthn/browser';
import type { CancelReason } from '../passkey/classifyWebAuthnError';

/**
 * The postMessage protocol between a custom page (in its sandboxed frame) and the host.
 * TrustX's part is unchanged: the page posts READY, the host answers `message` with
 * `{sessionData, constants}`, the page posts SEND with its variables. Keyform adds CANCEL,
 * CREATE_PASSKEY (the host runs the ceremony), and the host's ERROR and PASSKEY_RESULT.
 */
export interface SessionData {
  locale: string;
  title: string | null;
}

export interface PageVariables {
  sessionData: SessionData;
  constants: Record<string, unknown>;
}

export interface FieldProblem {
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

export type PasskeyFailureReason =
  | CancelReason
  | 'invalidInput'
  | 'requestMismatch'
  | 'notReady'
  | 'busy';

export interface PasskeyFailure {
  reason: PasskeyFailureReason;
  /** The DOMException name the page's create() rejects with (NotAllowedError, ...). */
  name: string;
  message: string;
  fields: FieldProblem[];
}

export type HostMessage =
  | { event: 'message'; variables: PageVariables }
  | { event: 'ERROR'; error: { code: string; message: string; fields: FieldProblem[] } }
  | { event: 'PASSKEY_RESULT'; requestId: string; ok: true; response: RegistrationResponseJSON }
  | { event: 'PASSKEY_RESULT'; requestId: string; ok: false; error: PasskeyFailure };
