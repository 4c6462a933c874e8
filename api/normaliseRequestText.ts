import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { normaliseText } from './normaliseText';

const parts = ['body', 'params', 'querystring'] as const;

/**
 * preValidation hook: every identifier and text field a client or an end user sends (JSON body,
 * path parameters, query) is well-formed Unicode and NFC before a schema, a domain rule or a
 * unique index sees it, so one name has one spelling. A lone surrogate is a 400 INVALID_INPUT
 * whose `details.fields[].path` names the field, the same shape as a schema refusal.
 */
export function normaliseRequestText(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
) {
  for (const part of parts) {
    const outcome = normaliseText(part === 'querystring' ? request.query : request[part]);
    if (outcome.ok) continue;
    const error = Object.assign(new Error(`${part}${outcome.path} ${outcome.problem}`), {
      statusCode: 400,
      validationContext: part,
      validation: [
        { keyword: 'wellFormed', instancePath: outcome.path, params: {}, message: outcome.problem },
      ],
    });
    return done(error);
  }
  done();
}
