import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { FormError } from '../forms/FormError';
import { IdentityError } from '../identity/IdentityError';
import { PageError } from '../pages/PageError';
import { ExpressionError } from '../runtime/expressions/ExpressionError';
import { RuntimeError } from '../runtime/RuntimeError';
import { StorageError } from '../storage/StorageError';
import { ApiError } from './ApiError';
import { type ErrorCode, errorStatus } from './errorStatus';

type ErrorBody = { code: ErrorCode; message: string; details?: Record<string, unknown> };

/** Fastify's own client errors, by their codes, mapped to ours. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_BODY',
  FST_ERR_BAD_URL: 'BAD_URL',
  FST_ERR_INVALID_URL: 'BAD_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'URL_TOO_LONG',
  FST_ERR_NOT_FOUND: 'ROUTE_NOT_FOUND',
};

/** Our words where fastify's would echo the URL back (`'/a/%zz' is not a valid url component`). */
const fastifyMessages: Partial<Record<ErrorCode, string>> = {
  BAD_URL: 'the URL is not validly percent-encoded',
  URL_TOO_LONG: 'a segment of the URL path is longer than 512 characters',
};

/** Fastify's other client errors (FST_ERR_*, and plugins' FST_*), by status, else BAD_REQUEST. */
const clientStatusCodes: Partial<Record<number, ErrorCode>> = {
  404: 'ROUTE_NOT_FOUND',
  408: 'REQUEST_TIMEOUT',
  413: 'BODY_TOO_LARGE',
  414: 'URL_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  431: 'HEADERS_TOO_LARGE',
};

/**
 * The single error handler: domain codes keep their code and get their status; validation
 * and other client errors pass through as 4xx; anything else is logged behind a bare 500.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  return reply.send(prepareErrorAnswer(error, request, reply));
}

/**
 * handleError's answer without the sending: logs, sets the status and headers on `reply` and
 * returns the body. For an answer already on its way out, which an onSend hook replaces
 * (api/waitForDurableWrites.ts): there fastify's error handler would not be ours again.
 */
export function prepareErrorAnswer(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const body = toErrorBody(error);
  const status = errorStatus[body.code];
  if (status >= 500 && body.code !== 'STORAGE_UNAVAILABLE')
    request.log.error({ err: error }, 'request failed');
  if (body.code === 'STORAGE_UNAVAILABLE') request.log.error({ err: error }, 'storage unavailable');
  if (body.code === 'RATE_LIMITED') reply.header('retry-after', '60');
  // Kept in the log: a RangeError from our own code would be a bug, not only hostile input.
  if (body.code === 'INPUT_TOO_COMPLEX') request.log.warn({ err: error }, 'input too complex');
  reply.status(status);
  return { error: body };
}

function toErrorBody(error: FastifyError): ErrorBody {
  if (
    error instanceof IdentityError ||
    error instanceof FormError ||
    error instanceof PageError ||
    error instanceof RuntimeError ||
    error instanceof ApiError
  ) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  if (error instanceof ExpressionError) return { code: error.code, message: error.message };
  // fastify's own RangeErrors (body too large, bad content-length) have their codes below.
  if (error instanceof RangeError && !error.code?.startsWith('FST_')) {
    // Stack or size exhausted by what the request carried (nesting, recursion): a client error.
    return {
      code: 'INPUT_TOO_COMPLEX',
      message: 'the input is too deeply nested or too complex to process',
    };
  }
  if (error instanceof StorageError) {
    return { code: 'STORAGE_UNAVAILABLE', message: 'storage is unavailable; retry later' };
  }
  if (error.validation) {
    const fields = error.validation.map((v) => ({
      path: `${error.validationContext === 'body' ? '' : `${error.validationContext}:`}${v.instancePath || '/'}`,
      message: describe(v),
    }));
    return { code: 'INVALID_INPUT', message: error.message, details: { fields } };
  }
  if (error.statusCode === 429)
    return { code: 'RATE_LIMITED', message: 'too many requests; retry later' };
  const mapped = error.code ? fastifyCodes[error.code] : undefined;
  if (mapped) return { code: mapped, message: fastifyMessages[mapped] ?? error.message };
  if (isClientError(error) && error.code?.startsWith('FST_')) {
    // A fastify error we have no entry for yet: a stable code, and no internals in the message.
    const code = clientStatusCodes[error.statusCode] ?? 'BAD_REQUEST';
    return { code, message: `the request was refused: ${STATUS_CODES[error.statusCode]}` };
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    // e.g. secure-json-parse refusing `__proto__`: still the client's fault, still a 400.
    return { code: 'INVALID_BODY', message: error.message };
  }
  return { code: 'INTERNAL_ERROR', message: 'internal error' };
}

function isClientError(error: FastifyError): error is FastifyError & { statusCode: number } {
  return error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500;
}

function describe(v: NonNullable<FastifyError['validation']>[number]) {
  const params = v.params as Record<string, unknown>;
  if (v.keyword === 'additionalProperties')
    return `unknown property '${String(params.additionalProperty)}'`;
  if (v.keyword === 'required') return `missing property '${String(params.missingProperty)}'`;
  return v.message ?? v.keyword;
}
