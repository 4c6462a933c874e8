import type { ErrorObject } from 'ajv';
import { appendPointer } from '../core/appendPointer';
import { keepBestBranchErrors } from './keepBestBranchErrors';

/** One failed rule in a submission; `path` is a JSON pointer to the field, e.g. `/userName`. */
export type FormDataIssue = { path: string; message: string; keyword: string };

/**
 * Turns ajv errors into field-addressed issues. `required`, `dependencies`,
 * `additionalProperties` and `propertyNames` are reported by ajv on the
 * parent object; they are re-pointed at the property they are about (the missing one, the
 * extra one, the badly named one), so the UI can show each next to its field, or, for a field
 * no control shows, list it by name rather than as an anonymous error of the whole form.
 * Of a failed oneOf/anyOf, only the closest alternative's errors are kept.
 */
export function mapAjvErrors(errors: readonly ErrorObject[]): FormDataIssue[] {
  return keepBestBranchErrors(errors).map((error) => ({
    path: fieldPath(error),
    message: error.message ?? `failed ${error.keyword}`,
    keyword: error.keyword,
  }));
}

function fieldPath(error: ErrorObject): string {
  const { missingProperty, additionalProperty, propertyName } = error.params;
  // Errors inside propertyNames carry the name they judged beside their params.
  const judgedName = (error as ErrorObject & { propertyName?: unknown }).propertyName;
  if (typeof judgedName === 'string') return appendPointer(error.instancePath, judgedName);
  if (typeof propertyName === 'string') return appendPointer(error.instancePath, propertyName);
  if (typeof missingProperty === 'string')
    return appendPointer(error.instancePath, missingProperty);
  if (typeof additionalProperty === 'string') {
    return appendPointer(error.instancePath, additionalProperty);
  }
  return error.instancePath;
}
