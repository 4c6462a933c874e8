import { describe, expect, it } from 'vitest';
import { parseApiError } from '../../renderer/flow/parseApiError';

const envelope = (code: string, details: Record<string, unknown> = {}) => ({
  error: { code, message: `message for ${code}`, details },
});

const step = {
  stepId: 's1',
  instanceId: 'i1',
  locale: 'en',
  component: 'passkeyForm',
  errors: [{ path: '/userName', message: 'Too short.' }],
};

describe('parseApiError', () => {
  it('reads FORM_DATA_INVALID with its fields and re-rendered step', () => {
    const fields = [{ path: '/userName', message: 'Too short.' }];
    const error = parseApiError({
      status: 400,
      body: envelope('FORM_DATA_INVALID', { fields, step }),
    });
    expect(error).toMatchObject({
      kind: 'formInvalid',
      status: 400,
      code: 'FORM_DATA_INVALID',
      message: 'message for FORM_DATA_INVALID',
      fields,
      step,
    });
  });

  it('drops malformed field entries and a malformed step', () => {
    const fields = [{ path: '/a', message: 'ok' }, { path: 1 }, 'x', null];
    const error = parseApiError({
      status: 400,
      body: envelope('FORM_DATA_INVALID', { fields, step: { component: 'form' } }),
    });
    expect(error.fields).toEqual([{ path: '/a', message: 'ok' }]);
    expect(error.step).toBeNull();
  });

  it.each([
    [409, 'STEP_STALE', 'stale'],
    [410, 'INSTANCE_EXPIRED', 'expired'],
    [404, 'INSTANCE_NOT_FOUND', 'notFound'],
    [404, 'PROCESS_TOKEN_NOT_FOUND', 'notFound'],
    [401, 'CAPABILITY_INVALID', 'capability'],
    [429, 'RATE_LIMITED', 'rateLimited'],
  ])('maps %i %s to %s', (status, code, kind) => {
    expect(parseApiError({ status, body: envelope(code) })).toMatchObject({ kind, status, code });
  });

  it.each([
    [400, 'formInvalid'],
    [401, 'capability'],
    [403, 'capability'],
    [404, 'notFound'],
    [409, 'conflict'],
    [410, 'expired'],
    [429, 'rateLimited'],
    [500, 'server'],
    [503, 'server'],
    [418, 'unexpected'],
  ])('falls back to the status (%i → %s) for unknown codes and bodies', (status, kind) => {
    expect(parseApiError({ status, body: envelope('SOMETHING_NEW') }).kind).toBe(kind);
    const bare = parseApiError({ status, body: '<html>Bad gateway</html>' });
    expect(bare).toMatchObject({ kind, code: `HTTP_${status}`, message: '', fields: [] });
  });

  it('does not take codes from Object.prototype', () => {
    expect(parseApiError({ status: 500, body: envelope('constructor') }).kind).toBe('server');
  });

  it('reads Retry-After seconds on 429 only', () => {
    expect(parseApiError({ status: 429, body: null, retryAfter: '30' }).retryAfterSeconds).toBe(30);
    expect(
      parseApiError({ status: 429, body: null, retryAfter: 'Wed, 21 Oct 2015 07:28:00 GMT' })
        .retryAfterSeconds,
    ).toBeNull();
    expect(
      parseApiError({ status: 503, body: null, retryAfter: '30' }).retryAfterSeconds,
    ).toBeNull();
  });
});
