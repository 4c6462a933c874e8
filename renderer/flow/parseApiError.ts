import type { FieldError } from '../../runtime/engine/StepView';
import { asStepView } from './asStepView';
import type { FlowError, FlowErrorKind } from './FlowError';

const kindByCode: Record<string, FlowErrorKind> = {
  FORM_DATA_INVALID: 'formInvalid',
  STEP_STALE: 'stale',
  INSTANCE_EXPIRED: 'expired',
  INSTANCE_NOT_FOUND: 'notFound',
  PROCESS_TOKEN_NOT_FOUND: 'notFound',
  CAPABILITY_INVALID: 'capability',
  RATE_LIMITED: 'rateLimited',
};

/** Turns a non-2xx response (`{error: {code, message, details}}` per DESIGN §3) into a FlowError. */
export function parseApiError({
  status,
  body,
  retryAfter = null,
}: {
  status: number;
  body: unknown;
  retryAfter?: string | null;
}): FlowError {
  const envelope = readEnvelope(body);
  const code = envelope.code ?? `HTTP_${status}`;
  const kind = kindFromCode(code) ?? kindFromStatus(status);
  const fields = readFields(envelope.details?.fields);
  return {
    kind,
    status,
    code,
    message: envelope.message ?? '',
    fields,
    step: kind === 'formInvalid' ? asStepView(envelope.details?.step) : null,
    retryAfterSeconds: kind === 'rateLimited' ? readRetryAfter(retryAfter) : null,
  };
}

function kindFromCode(code: string): FlowErrorKind | undefined {
  // An own-property check: a code like `constructor` must not reach Object.prototype.
  return Object.hasOwn(kindByCode, code) ? kindByCode[code] : undefined;
}

function kindFromStatus(status: number): FlowErrorKind {
  if (status === 400) return 'formInvalid';
  if (status === 401 || status === 403) return 'capability';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 410) return 'expired';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'server';
  return 'unexpected';
}

interface Envelope {
  code?: string;
  message?: string;
  details?: Record<string, unknown>;
}

function readEnvelope(body: unknown): Envelope {
  if (!isRecord(body) || !isRecord(body.error)) return {};
  const { code, message, details } = body.error;
  return {
    code: typeof code === 'string' && code !== '' ? code : undefined,
    message: typeof message === 'string' ? message : undefined,
    details: isRecord(details) ? details : undefined,
  };
}

function readFields(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (f): f is FieldError =>
      isRecord(f) && typeof f.path === 'string' && typeof f.message === 'string',
  );
}

function readRetryAfter(value: string | null): number | null {
  // Only the delta-seconds form; an HTTP date is rare here and not worth parsing.
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
