/** Closed set of machine-readable failure codes for form definitions and versions. */
export const formErrorCodes = [
  'FORM_INVALID',
  'FORM_TOO_LARGE',
  'FORM_NOT_FOUND',
  'FORM_VERSION_NOT_FOUND',
  // A submission over FORM_DATA_LIMITS, refused before validation.
  'FORM_DATA_TOO_LARGE',
  'FORM_DATA_TOO_DEEP',
] as const;
export type FormErrorCode = (typeof formErrorCodes)[number];

/** One problem located in an uploaded definition; `path` is a JSON pointer into the upload. */
export type FormFieldIssue = { path: string; message: string };

export type FormErrorOptions = {
  details?: Record<string, unknown>;
  cause?: unknown;
};

export class FormError extends Error {
  readonly code: FormErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: FormErrorCode, message: string, { details, cause }: FormErrorOptions = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'FormError';
    this.code = code;
    this.details = details;
  }
}
