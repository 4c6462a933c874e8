/** Closed set of machine-readable failure codes for custom pages; `api/` maps each to a status. */
export const pageErrorCodes = [
  'PAGE_INVALID',
  'PAGE_TOO_LARGE',
  'PAGE_NOT_FOUND',
  'PAGE_VERSION_NOT_FOUND',
  'PAGE_FILE_NOT_FOUND',
  'PAGE_PARAMETERS_INVALID',
] as const;
export type PageErrorCode = (typeof pageErrorCodes)[number];

/** One problem located in an upload (`path` is the bundle path) or a page's SEND (a JSON pointer). */
export type PageIssue = { path: string; message: string };

export class PageError extends Error {
  override readonly name = 'PageError';
  readonly code: PageErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: PageErrorCode,
    message: string,
    options?: { details?: Record<string, unknown>; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options?.details;
  }
}
