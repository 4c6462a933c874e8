import { createAjv, type ValidationMode } from '@jsonforms/core';
import type Ajv from 'ajv';
import { browserRegExp } from './browserRegExp';

/**
 * An ajv for JSON Forms, or none. ajv compiles schemas with `new Function`, which a
 * strict CSP (no 'unsafe-eval') or an unusual schema can refuse; then the form still
 * works and the server's validation (always run) reports the errors instead of a crash.
 */
export function prepareValidation(schema: Record<string, unknown>): {
  ajv: Ajv | undefined;
  validationMode: ValidationMode;
} {
  try {
    // Patterns on an engine a hostile form cannot make backtrack (the server's, when needed).
    const ajv = createAjv({ code: { regExp: browserRegExp } });
    ajv.compile(schema);
    return { ajv, validationMode: 'ValidateAndShow' };
  } catch {
    return { ajv: undefined, validationMode: 'NoValidation' };
  }
}
