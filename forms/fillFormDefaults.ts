import { checkFormDataLimits } from './checkFormDataLimits';
import type { FormDefinition } from './FormDefinition';
import { getDataValidator } from './getDataValidator';

/**
 * The data a form step starts with: `data` (what the same form key captured before, or `{}`)
 * with the schema's `default`s filled in where a property is missing, as ajv's `useDefaults`
 * fills them (validateFormData fills the same ones on submission). Sent with the step, the
 * defaults show in the browser's controls whether or not the page can compile ajv (its CSP
 * forbids `eval`), so what the user sees prefilled is what the server stores. Whether the data
 * is valid does not matter here; errors are for the submission. A copy: `data` is untouched.
 */
export function fillFormDefaults({
  definition,
  data,
}: {
  definition: FormDefinition;
  data: Record<string, unknown>;
}): Record<string, unknown> {
  // Only data within the submission caps is worth a walk; the rest is shown as it is.
  if (!checkFormDataLimits({ data }).ok) return data;
  const copy = structuredClone(data);
  getDataValidator({ schema: definition.schema })(copy);
  // Defaults that would push the data over the caps are left to the integrator to fix.
  return checkFormDataLimits({ data: copy }).ok ? copy : data;
}
