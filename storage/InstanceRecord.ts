import type { AuthenticationState } from '../runtime/engine/authentications/AuthenticationState';
import type { RegistrationState } from '../runtime/engine/registrations/RegistrationState';

/** A running (or finished) process instance; the engine is the only writer. */
export interface InstanceRecord {
  id: string;
  tenantId: string;
  definitionName: string;
  definitionVersion: number;
  processTokenId: string | null;
  state: 'RUNNING' | 'COMPLETED' | 'FAILED' | 'EXPIRED';
  /** The node the instance is at. */
  cursor: string;
  /** The current user-facing step, pinned (form version, stepId); null between steps. */
  step: StepRecord | null;
  /** The expression context (`_identityStore`, `_dataForms`, `_parameters`, `_decision`, ...). */
  context: Record<string, unknown>;
  /** The engine's own state: never part of the context, a step view or the admin view. */
  internal: InstanceInternal;
  history: HistoryEntry[];
  visits: Record<string, number>;
  failures: FailureRecord[];
  decision: string | null;
  /** sha256 of the browser capability; the secret itself lives only in an HttpOnly cookie. */
  capabilityHash: string | null;
  /** sha256 of a single-use entry secret (links handed out by the API); null once redeemed. */
  entryHash: string | null;
  expiresAt: number;
  createdAt: string;
  updatedAt: string;
  /** Incremented on every save: a save against an old revision loses (compare-and-set). */
  revision: number;
}

/** What the engine keeps of an instance beside its context, out of every client's sight. */
export interface InstanceInternal {
  /** By registration key: the request, the session issued for it, its response, its result. */
  registrations: Record<string, RegistrationState>;
  /** By authentication key, the same for sign-ins; absent in instances saved before them. */
  authentications?: Record<string, AuthenticationState>;
}

/** A user-facing step; `S` is the state its activity (or the engine's end) pinned in it. */
export interface StepRecord<S = unknown> {
  stepId: string;
  nodeId: string;
  component: 'form' | 'passkeyForm' | 'passkeySignIn' | 'page' | 'end';
  /** The owner's own state (pinned form name and version, phase, data, errors, ...). */
  state: S;
  createdAt: number;
}

export interface HistoryEntry {
  nodeId: string;
  type: string;
  at: string;
  event?: string;
  stepId?: string;
  note?: string;
}

export interface FailureRecord {
  nodeId: string;
  code: string;
  message: string;
  registrationKey?: string;
  /** The node input at fault (`relyingPartyId`, `formName`, ...), for a configuration failure. */
  input?: string;
  /** That input as the definition writes it (`${_parameters.rpId}`), when it is a string. */
  template?: string;
  /** Set when the definition or its token is wrong: the journey stopped, no retry can help. */
  configuration?: true;
}
