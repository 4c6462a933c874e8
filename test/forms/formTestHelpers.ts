import { expect } from 'vitest';
import type { FormErrorCode, FormFieldIssue } from '../../forms/FormError';
import { validateFormDefinition } from '../../forms/validateFormDefinition';

/** A minimal valid upload; tests override one part at a time. */
export function makeDefinition(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: {
      type: 'object',
      properties: {
        userName: { type: 'string', minLength: 3 },
        address: {
          type: 'object',
          properties: { street: { type: 'string' } },
        },
      },
      required: ['userName'],
    },
    ...overrides,
  };
}

/** Builds a definition whose schema is `schema`. */
export function withSchema(schema: unknown): Record<string, unknown> {
  return { schema };
}

/** Asserts rejection with `code` and (if given) an issue at `path`; returns the issues. */
export function expectRejected(
  definition: unknown,
  { code = 'FORM_INVALID', path }: { code?: FormErrorCode; path?: string } = {},
): FormFieldIssue[] {
  const result = validateFormDefinition({ definition });
  if (result.ok) throw new Error(`expected rejection, got ${JSON.stringify(result.value)}`);
  expect(result.error.code).toBe(code);
  const fields = (result.error.details?.fields ?? []) as FormFieldIssue[];
  if (path !== undefined) expect(fields.map((field) => field.path)).toContain(path);
  return fields;
}

export function expectAccepted(definition: unknown) {
  const result = validateFormDefinition({ definition });
  if (!result.ok) {
    throw new Error(`expected acceptance, got ${result.error.message}`, { cause: result.error });
  }
  return result.value;
}
