import { createHash } from 'node:crypto';
import type { RuntimeDeps } from '../RuntimeDeps';
import { RuntimeError } from '../RuntimeError';
import { builtinProcesses } from './builtinProcesses';
import { validateProcessDefinition } from './validateProcessDefinition';

/** Validate an uploaded process definition and store it as the next immutable version of `name`. */
export async function createProcessDefinitionVersion(
  deps: Pick<RuntimeDeps, 'processes' | 'now'>,
  { tenantId, name, definition }: { tenantId: string; name: string; definition: unknown },
) {
  const checked = validateProcessDefinition({ definition });
  if (!checked.ok) {
    throw new RuntimeError(
      'PROCESS_DEFINITION_INVALID',
      `process definition is invalid: ${checked.errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ')}`,
      {
        details: { fields: checked.errors },
      },
    );
  }
  if (checked.value.name !== name) {
    throw new RuntimeError(
      'PROCESS_DEFINITION_INVALID',
      `definition.name is '${checked.value.name}', expected '${name}' from the path`,
      {
        details: { fields: [{ path: '/name', message: `expected '${name}'` }] },
      },
    );
  }
  const value: Record<string, unknown> = { ...checked.value };
  const sha256 = createHash('sha256').update(JSON.stringify(value)).digest('hex');
  const createdAt = new Date(deps.now()).toISOString();
  return deps.processes.update((draft) => {
    const stored = draft.versions.filter((v) => v.tenantId === tenantId && v.name === name);
    const base = builtinProcesses.some((p) => p.name === name) ? 1 : 0;
    const version = Math.max(base, ...stored.map((v) => v.version)) + 1;
    draft.versions.push({ tenantId, name, version, definition: value, sha256, createdAt });
    return { name, version, sha256, createdAt };
  });
}
