import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { FormError } from '../forms/FormError';
import { IdentityError } from '../identity/IdentityError';
import { PageError } from '../pages/PageError';
import { RuntimeError } from '../runtime/RuntimeError';
import { StorageError } from '../storage/StorageError';
import { type ErrorCode, errorStatus } from './errorStatus';

type ErrorBody = { code: ErrorCode; message: string; details?: Record<string, unknown> };

/** Fastify's own client errors, by their codes, mapped to ours. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_BODY',
};

/**
 * The single error handler: domain codes keep their code and get their status; validation
 * and other client errors pass through as 4xx; anything else is logged behind a bare 500.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const body = toErrorBody(error);
  const status = errorStatus[body.code];
  if (status >= 500 && body.code !== 'STORAGE_UNAVAILABLE')
    request.log.error({ err: error }, 'request failed');
  if (body.code === 'STORAGE_UNAVAILABLE') request.log.error({ err: error }, 'storage unavailable');
  if (body.code === 'RATE_LIMITED') reply.header('retry-after', '60');
  return reply.status(status).send({ error: body });
}

function toErrorBody(error: FastifyError): ErrorBody {
  if (
    error instanceof IdentityError ||
    error instanceof FormError ||
    error instanceof PageError ||
    error instanceof RuntimeError
  ) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
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
  if (mapped) return { code: mapped, message: error.message };
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    // e.g. secure-json-parse refusing `__proto__`: still the client's fault, still a 400.
    return { code: 'INVALID_BODY', message: error.message };
  }
  return { code: 'INTERNAL_ERROR', message: 'internal error' };
}

function describe(v: NonNullable<FastifyError['validation']>[number]) {
  const params = v.params as Record<string, unknown>;
  if (v.keyword === 'additionalProperties')
    return `unknown property '${String(params.additionalProperty)}'`;
  if (v.keyword === 'required') return `missing property '${String(params.missingProperty)}'`;
  return v.message ?? v.keyword;
}
