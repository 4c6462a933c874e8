import { createHash } from 'node:crypto';
import { builtinProcesses } from './builtinProcesses';
import type { ProcessDefinition } from './ProcessDefinition';
import type { RuntimeDeps } from './RuntimeDeps';
import { RuntimeError } from './RuntimeError';

export interface ProcessDefinitionVersion {
  name: string;
  version: number;
  definition: ProcessDefinition;
  sha256: string;
  createdAt: string;
  builtin: boolean;
}

/** All versions of `name` in the tenant; a built-in process is version 1 everywhere. */
export function listProcessDefinitionVersions(
  deps: Pick<RuntimeDeps, 'processes'>,
  { tenantId, name }: { tenantId: string; name: string },
): ProcessDefinitionVersion[] {
  const stored = deps.processes
    .read()
    .versions.filter((v) => v.tenantId === tenantId && v.name === name)
    .map((v) => ({
      name,
      version: v.version,
      definition: v.definition as unknown as ProcessDefinition,
      sha256: v.sha256,
      createdAt: v.createdAt,
      builtin: false,
    }));
  const builtin = builtinProcesses.find((p) => p.name === name);
  if (!builtin) return stored;
  const sha256 = createHash('sha256').update(JSON.stringify(builtin.definition)).digest('hex');
  return [
    {
      name,
      version: 1,
      definition: builtin.definition,
      sha256,
      createdAt: '1970-01-01T00:00:00.000Z',
      builtin: true,
    },
    ...stored,
  ];
}

/** Version `version` of process `name`, or its latest. */
export function findProcessDefinition(
  deps: Pick<RuntimeDeps, 'processes'>,
  { tenantId, name, version }: { tenantId: string; name: string; version?: number | null },
) {
  const versions = listProcessDefinitionVersions(deps, { tenantId, name });
  const found = version == null ? versions.at(-1) : versions.find((v) => v.version === version);
  if (!found) {
    throw new RuntimeError(
      'PROCESS_DEFINITION_NOT_FOUND',
      `process definition '${name}'${version == null ? '' : ` version ${version}`} not found`,
    );
  }
  return found;
}

export function listProcessDefinitionNames(deps: Pick<RuntimeDeps, 'processes'>, tenantId: string) {
  const names = new Set(builtinProcesses.map((p) => p.name));
  for (const v of deps.processes.read().versions) if (v.tenantId === tenantId) names.add(v.name);
  return [...names].sort();
}
