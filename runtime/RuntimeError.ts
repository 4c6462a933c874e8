/** Every way the process runtime refuses; `api/` maps each code to one status. */
export const runtimeErrorCodes = [
  'PROCESS_DEFINITION_INVALID',
  'PROCESS_DEFINITION_NOT_FOUND',
  'PROCESS_TOKEN_NOT_FOUND',
  'PROCESS_TOKEN_EXPIRED',
  'PROCESS_TOKEN_USED',
  'INSTANCE_NOT_FOUND',
  'INSTANCE_EXPIRED',
  'INSTANCE_ENDED',
  'CAPABILITY_INVALID',
  'STEP_STALE',
  'FORM_DATA_INVALID',
  'ACTION_NOT_ALLOWED',
] as const;
export type RuntimeErrorCode = (typeof runtimeErrorCodes)[number];

export class RuntimeError extends Error {
  override readonly name = 'RuntimeError';
  readonly code: RuntimeErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: RuntimeErrorCode,
    message: string,
    options?: { details?: Record<string, unknown>; cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.code = code;
    this.details = options?.details;
  }
}
