import { isPlainObject } from '../core/isPlainObject';
import { checkFormDataLimits } from './checkFormDataLimits';
import type { FormDefinition } from './FormDefinition';
import type { FormError } from './FormError';
import { getDataValidator } from './getDataValidator';
import { type FormDataIssue, mapAjvErrors } from './mapAjvErrors';
import { rejectForbiddenKeys } from './rejectForbiddenKeys';

export type { FormDataIssue } from './mapAjvErrors';

export type ValidateFormDataOptions = {
  /** A definition returned by validateFormDefinition (or a built-in form). */
  definition: FormDefinition;
  /** The untrusted submission. */
  data: unknown;
};

export type ValidateFormDataResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; errors: FormDataIssue[] }
  /** Over FORM_DATA_LIMITS: refused whole, never validated, shown or stored. */
  | { ok: false; refused: FormError };

/**
 * Server-side check of a submission against its form version's schema, as the browser's JSON
 * Forms checks it: no type coercion, no stripping, and a missing property with a `default`
 * gets it (ajv's `useDefaults`, on both sides). The defaults go into a copy, which is what was
 * validated and what `data` returns to be stored; the caller's object is left as it was.
 * Sizes are checked first (checkFormDataLimits), so no walk below meets unbounded data.
 * Throws FormError FORM_INVALID only if the definition itself does not compile.
 */
export function validateFormData({
  definition,
  data,
}: ValidateFormDataOptions): ValidateFormDataResult {
  // Forms always describe an object; arrays, scalars or class instances cannot be submissions.
  if (!isPlainObject(data)) {
    const received = Array.isArray(data) ? 'an array' : data === null ? 'null' : typeof data;
    return {
      ok: false,
      errors: [{ path: '', message: `received ${received}; expected an object`, keyword: 'type' }],
    };
  }
  const limits = checkFormDataLimits({ data });
  // Validation cost grows with size (uniqueItems is quadratic): bound it before it runs.
  if (!limits.ok) return { ok: false, refused: limits.error };
  const forbidden = rejectForbiddenKeys({ value: data });
  // Prototype-pollution keys are refused before any consumer can merge the data.
  if (forbidden.length > 0) {
    return { ok: false, errors: forbidden.map((issue) => ({ ...issue, keyword: 'forbiddenKey' })) };
  }
  const validate = getDataValidator({ schema: definition.schema });
  // JSON data (the limits walk proved it finite and plain): a deep copy for ajv to fill.
  const copy = structuredClone(data);
  if (!validate(copy)) return { ok: false, errors: mapAjvErrors(validate.errors ?? []) };
  const filled = checkFormDataLimits({ data: copy });
  // Defaults are the form's, but what is stored stays within the same caps as what is sent.
  if (!filled.ok) return { ok: false, refused: filled.error };
  return { ok: true, data: copy };
}
