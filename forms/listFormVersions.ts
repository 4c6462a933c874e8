import { builtinForms } from './builtinForms';
import type { FormDefinition } from './FormDefinition';
import type { FormsDeps } from './FormsDeps';
import { type DefinitionVersion, listVersionsWithBuiltin } from './listVersionsWithBuiltin';

export type FormVersion = DefinitionVersion<FormDefinition>;

/** Every version of form `name` in the tenant, oldest first (a built-in form is version 1). */
export function listFormVersions(
  deps: Pick<FormsDeps, 'forms'>,
  { tenantId, name }: { tenantId: string; name: string },
): FormVersion[] {
  const builtin = builtinForms.find((f) => f.name === name)?.definition;
  return listVersionsWithBuiltin({ stored: deps.forms.read().versions, tenantId, name, builtin });
}

/** Names of all forms the tenant can use, built-ins included. */
export function listFormNames(deps: Pick<FormsDeps, 'forms'>, tenantId: string) {
  const names = new Set(builtinForms.map((f) => f.name));
  for (const v of deps.forms.read().versions) if (v.tenantId === tenantId) names.add(v.name);
  return [...names].sort();
}
