import { FormError } from './FormError';
import type { FormsDeps } from './FormsDeps';
import { hashDefinition } from './hashDefinition';
import { listFormVersions } from './listFormVersions';
import { validateFormDefinition } from './validateFormDefinition';

/** Validate an uploaded form definition and store it as the next immutable version. */
export async function createFormVersion(
  deps: FormsDeps,
  { tenantId, name, definition }: { tenantId: string; name: string; definition: unknown },
) {
  const checked = validateFormDefinition({ definition });
  if (!checked.ok) throw checked.error;
  const value = checked.value as unknown as Record<string, unknown>;
  const sha256 = hashDefinition(value);
  const createdAt = new Date(deps.now()).toISOString();
  return deps.forms.update((draft) => {
    // Computed inside the serialised update, so two concurrent uploads get two versions.
    const latest = listFormVersions(
      { forms: { read: () => draft, update: deps.forms.update } },
      { tenantId, name },
    ).at(-1);
    const version = (latest?.version ?? 0) + 1;
    if (version > 100_000)
      throw new FormError('FORM_INVALID', `form '${name}' has too many versions`);
    draft.versions.push({ tenantId, name, version, definition: value, sha256, createdAt });
    return { name, version, sha256, createdAt };
  });
}
