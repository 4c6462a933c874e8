import { builtinForms } from './builtinForms';
import type { FormDefinition } from './FormDefinition';
import type { FormsDeps } from './FormsDeps';
import { hashDefinition } from './hashDefinition';

export interface FormVersion {
  name: string;
  version: number;
  definition: FormDefinition;
  sha256: string;
  createdAt: string;
  builtin: boolean;
}

const builtinEpoch = '1970-01-01T00:00:00.000Z';

/**
 * Every version of form `name` in the tenant, oldest first. A built-in form is version 1 in
 * every tenant; uploads under its name continue from 2.
 */
export function listFormVersions(
  deps: Pick<FormsDeps, 'forms'>,
  { tenantId, name }: { tenantId: string; name: string },
) {
  const stored: FormVersion[] = deps.forms
    .read()
    .versions.filter((v) => v.tenantId === tenantId && v.name === name)
    .map((v) => ({
      name,
      version: v.version,
      definition: v.definition as unknown as FormDefinition,
      sha256: v.sha256,
      createdAt: v.createdAt,
      builtin: false,
    }));
  const builtin = builtinForms.find((f) => f.name === name);
  if (!builtin) return stored;
  const first: FormVersion = {
    name,
    version: 1,
    definition: builtin.definition,
    sha256: hashDefinition(builtin.definition),
    createdAt: builtinEpoch,
    builtin: true,
  };
  return [first, ...stored];
}

/** Names of all forms the tenant can use, built-ins included. */
export function listFormNames(deps: Pick<FormsDeps, 'forms'>, tenantId: string) {
  const names = new Set(builtinForms.map((f) => f.name));
  for (const v of deps.forms.read().versions) if (v.tenantId === tenantId) names.add(v.name);
  return [...names].sort();
}
