/**
 * Codes raised by the api layer itself: parsing, routing, limits, and fastify's own errors
 * (before or after routing), mapped onto ours so every error leaves in the one shape.
 */
export const apiErrorCodes = [
  'INVALID_BODY',
  'BAD_REQUEST',
  'BAD_URL',
  'URL_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'BODY_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'ROUTE_NOT_FOUND',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
  'RENDERER_NOT_BUILT',
  'SERVER_CLOSING',
  // A RangeError (a stack or size exhausted) while handling the request: the input's fault.
  'INPUT_TOO_COMPLEX',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

/** The api layer's refusal; handleError gives it its status like any domain error. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ApiErrorCode,
    message: string,
    options?: { details?: Record<string, unknown>; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options?.details;
  }
}
