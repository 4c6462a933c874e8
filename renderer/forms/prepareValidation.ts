import { createAjv, type ValidationMode } from '@jsonforms/core';
import type Ajv from 'ajv';
import { createFormFormats } from '../../core/createFormFormats';
import { browserRegExp } from './browserRegExp';

/**
 * An ajv for JSON Forms, or none. ajv compiles schemas with `new Function`, which a
 * strict CSP (no 'unsafe-eval') or an unusual schema can refuse; then the form still
 * works and the server's validation (always run) reports the errors instead of a crash.
 * Set up as the server's (forms/createFormAjv.ts), so both give one answer: JSON Forms'
 * `createAjv` (non-strict, all errors), defaults filled in (`useDefaults`), the schema
 * registered while it compiles (`$ref: "#"` needs it) and the shared date and time formats.
 */
export function prepareValidation(schema: Record<string, unknown>): {
  ajv: Ajv | undefined;
  validationMode: ValidationMode;
} {
  try {
    // Patterns on an engine a hostile form cannot make backtrack (the server's, when needed).
    const ajv = createAjv({
      code: { regExp: browserRegExp },
      useDefaults: true,
      addUsedSchema: true,
    });
    for (const [name, validate] of Object.entries(createFormFormats())) {
      ajv.addFormat(name, { type: 'string', validate });
    }
    ajv.compile(schema);
    return { ajv, validationMode: 'ValidateAndShow' };
  } catch {
    return { ajv: undefined, validationMode: 'NoValidation' };
  }
}
