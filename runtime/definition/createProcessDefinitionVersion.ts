import { createHash } from 'node:crypto';
import type { RuntimeDeps } from '../RuntimeDeps';
import { builtinProcesses } from './builtinProcesses';
import { checkProcessDefinitionUpload } from './checkProcessDefinitionUpload';

/** Validate an uploaded process definition and store it as the next immutable version of `name`. */
export async function createProcessDefinitionVersion(
  deps: Pick<RuntimeDeps, 'processes' | 'now'>,
  { tenantId, name, definition }: { tenantId: string; name: string; definition: unknown },
) {
  const checked = checkProcessDefinitionUpload({ name, definition });
  const value: Record<string, unknown> = { ...checked };
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
