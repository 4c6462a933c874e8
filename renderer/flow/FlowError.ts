import type { FieldError, StepView } from '../../runtime/engine/StepView';

/** What went wrong with a flow request, sorted into the cases the screens treat differently. */
export type FlowErrorKind =
  | 'formInvalid'
  | 'stale'
  | 'conflict'
  | 'expired'
  | 'notFound'
  | 'capability'
  | 'rateLimited'
  | 'server'
  | 'network'
  | 'unexpected';

export interface FlowError {
  kind: FlowErrorKind;
  /** HTTP status, 0 when no response arrived. */
  status: number;
  /** The server's stable code (`STEP_STALE`), or a local one (`NETWORK_ERROR`). */
  code: string;
  message: string;
  fields: FieldError[];
  /** For FORM_DATA_INVALID: the same step re-rendered with `errors`. */
  step: StepView | null;
  /** From a 429's Retry-After header, when it names seconds. */
  retryAfterSeconds: number | null;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: FlowError };
