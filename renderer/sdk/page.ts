/**
 * Keyform's page SDK (served at /sdk/page.js, types at /sdk/page.d.ts), for custom pages running
 * in Keyform's sandboxed frame: `import { ready, send, cancel, createPasskey } from
 * '{keyform}/sdk/page.js'`. It speaks TrustX's postMessage protocol, unchanged, plus Keyform's
 * additions, all through `window.parent.postMessage`:
 *   page → host  {event: 'READY'}                      host answers {event: 'message', variables}
 *   page → host  {event: 'SEND', variables}            captured, and the step is left (see send)
 *   page → host  {event: 'CANCEL'}                     the process takes `userCancelled`
 *   page → host  {event: 'CREATE_PASSKEY', requestId, publicKey, user}
 *                                                      host answers {event: 'PASSKEY_RESULT', requestId, ok, ...}
 *   host → page  {event: 'ERROR', error: {code, message, fields}}   a SEND the server refused
 * Standalone: the built file imports nothing.
 */
import type {
  FieldProblem,
  HostError,
  PageVariables,
  PasskeyFailure,
  PasskeyFailureReason,
} from '../pages/PageProtocol';

export type {
  FieldProblem,
  HostError,
  PageVariables,
  PasskeyFailureReason,
  SessionData,
} from '../pages/PageProtocol';

/** WebAuthn's RegistrationResponseJSON (L3 §5.1): pass it on with `send()` as it is. */
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

/**
 * Why no passkey was created: `reason` says why, `name` is the DOMException name the browser
 * used, and `fields` lists the rejected names (`invalidInput`).
 */
export class PasskeyError extends Error {
  readonly reason: PasskeyFailureReason;
  readonly fields: FieldProblem[];

  constructor(reason: PasskeyFailureReason, message: string, name: string, fields: FieldProblem[]) {
    super(message);
    this.name = name;
    this.reason = reason;
    this.fields = fields;
  }
}

type Pending = {
  resolve: (r: RegistrationResponseJSON) => void;
  reject: (e: PasskeyError) => void;
};

const host = typeof window === 'undefined' ? null : window.parent;
let latest: PageVariables | null = null;
let askedReady = false;
const waiting: Array<(variables: PageVariables) => void> = [];
const variableListeners = new Set<(variables: PageVariables) => void>();
const errorListeners = new Set<(error: HostError) => void>();
const pending = new Map<string, Pending>();
let listening = false;

function listen() {
  if (listening || !host) return;
  listening = true;
  window.addEventListener('message', (event: MessageEvent) => {
    // Only the window that framed the page speaks for Keyform.
    if (event.source !== host) return;
    const data = event.data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object') return;
    if (data.event === 'message') {
      latest = data.variables as PageVariables;
      for (const resolve of waiting.splice(0)) resolve(latest);
      for (const listener of variableListeners) listener(latest);
    } else if (data.event === 'ERROR') {
      for (const listener of errorListeners) listener(data.error as HostError);
    } else if (data.event === 'PASSKEY_RESULT' && typeof data.requestId === 'string') {
      const call = pending.get(data.requestId);
      if (!call) return;
      pending.delete(data.requestId);
      if (data.ok === true) call.resolve(data.response as RegistrationResponseJSON);
      else {
        const e = data.error as PasskeyFailure;
        call.reject(new PasskeyError(e.reason, e.message, e.name, e.fields ?? []));
      }
    }
  });
}

function post(message: Record<string, unknown>) {
  if (!host || host === window) throw new Error('not inside a Keyform page frame');
  // The host's origin is not known to the page (no referrer); the host checks the source.
  host.postMessage(message, '*');
}

/**
 * Tell the host the page is ready (TrustX's READY); resolves with `{sessionData, constants}`.
 * Throws outside a Keyform frame.
 */
export function ready(): Promise<PageVariables> {
  listen();
  if (latest) return Promise.resolve(latest);
  const answer = new Promise<PageVariables>((resolve) => waiting.push(resolve));
  if (!askedReady) {
    askedReady = true;
    post({ event: 'READY' });
  }
  return answer;
}

/** Called with fresh variables whenever the host sends them (e.g. re-issued passkey options). */
export function onVariables(listener: (variables: PageVariables) => void): () => void {
  listen();
  variableListeners.add(listener);
  return () => variableListeners.delete(listener);
}

/** Called when the host refuses something the page sent (its `fields` say what). */
export function onError(listener: (error: HostError) => void): () => void {
  listen();
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

/**
 * Hand variables to the process (TrustX's SEND). Each is captured at
 * `_customUis.<pageKey>.currentCapture.customPageParameters.<name>.value` and the step is left
 * (the process moves to the node's `next`). Names: 1-64 letters, digits or `_`; values: plain
 * JSON, at most 32 KiB each and 48 KiB in all.
 *
 * One exception: on a node with a `registrationKey`, a SEND of only `userName` and/or
 * `userDisplayName` keeps the step: the server re-issues the passkey options with those names
 * and the host sends fresh variables (`constants` resolved again) to the page.
 */
export function send(variables: Record<string, unknown>): void {
  listen();
  post({ event: 'SEND', variables });
}

/** Leave the page as cancelled: the process takes the node's `userCancelled` path. */
export function cancel(): void {
  post({ event: 'CANCEL' });
}

/**
 * Have the host create a passkey for this step's registration (the frame's opaque origin
 * cannot) and resolve with the browser's response; pass it on with
 * `send({passkeyRegClientResponse: response})`. With `user`, the server first re-issues the
 * options with that user name and display name. Rejects with a PasskeyError whose `reason` says
 * why (`cancelled`, `invalidInput`, ...); a cancelled prompt can simply be retried.
 */
export function createPasskey(user?: {
  userName: string;
  displayName?: string;
}): Promise<RegistrationResponseJSON> {
  listen();
  const requestId = randomId();
  const result = new Promise<RegistrationResponseJSON>((resolve, reject) =>
    pending.set(requestId, { resolve, reject }),
  );
  post({ event: 'CREATE_PASSKEY', requestId, publicKey: null, user: user ?? null });
  return result;
}

function randomId() {
  // getRandomValues works in an opaque-origin frame; randomUUID needs a secure context.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
