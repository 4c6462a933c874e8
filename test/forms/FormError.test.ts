import { describe, expect, it } from 'vitest';
import { FormError } from '../../forms/FormError';

describe('FormError', () => {
  it('carries code, details and cause', () => {
    const cause = new Error('root');
    const error = new FormError('FORM_NOT_FOUND', 'no form "x"; expected an existing form', {
      details: { name: 'x' },
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('FormError');
    expect(error.code).toBe('FORM_NOT_FOUND');
    expect(error.details).toEqual({ name: 'x' });
    expect(error.cause).toBe(cause);
  });

  it('omits details and cause when not given', () => {
    const error = new FormError('FORM_VERSION_NOT_FOUND', 'no version 3');
    expect(error.details).toBeUndefined();
    expect(error.cause).toBeUndefined();
  });
});
