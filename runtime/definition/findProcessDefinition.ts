import {
  type DefinitionVersion,
  listVersionsWithBuiltin,
} from '../../forms/listVersionsWithBuiltin';
import type { RuntimeDeps } from '../RuntimeDeps';
import { RuntimeError } from '../RuntimeError';
import { builtinProcesses } from './builtinProcesses';
import type { ProcessDefinition } from './ProcessDefinition';

export type ProcessDefinitionVersion = DefinitionVersion<ProcessDefinition>;

/** All versions of `name` in the tenant; a built-in process is version 1 everywhere. */
export function listProcessDefinitionVersions(
  deps: Pick<RuntimeDeps, 'processes'>,
  { tenantId, name }: { tenantId: string; name: string },
): ProcessDefinitionVersion[] {
  const builtin = builtinProcesses.find((p) => p.name === name)?.definition;
  return listVersionsWithBuiltin({
    stored: deps.processes.read().versions,
    tenantId,
    name,
    builtin,
  });
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
