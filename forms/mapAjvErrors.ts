import type { ErrorObject } from 'ajv';
import { appendPointer } from './appendPointer';

/** One failed rule in a submission; `path` is a JSON pointer to the field, e.g. `/userName`. */
export type FormDataIssue = { path: string; message: string; keyword: string };

/**
 * Turns ajv errors into field-addressed issues. `required`, `dependencies` and
 * `additionalProperties` are reported by ajv on the parent object; they are re-pointed at the
 * offending property so the UI can show them next to that field.
 */
export function mapAjvErrors(errors: readonly ErrorObject[]): FormDataIssue[] {
  return errors.map((error) => ({
    path: fieldPath(error),
    message: error.message ?? `failed ${error.keyword}`,
    keyword: error.keyword,
  }));
}

function fieldPath(error: ErrorObject): string {
  const { missingProperty, additionalProperty } = error.params;
  if (typeof missingProperty === 'string')
    return appendPointer(error.instancePath, missingProperty);
  if (typeof additionalProperty === 'string') {
    return appendPointer(error.instancePath, additionalProperty);
  }
  return error.instancePath;
}
