import { matchesHash } from '../../identity/matchesHash';
import { findProcessDefinition } from '../definition/findProcessDefinition';
import type { RuntimeDeps } from '../RuntimeDeps';
import { RuntimeError } from '../RuntimeError';

/** Load an instance for its end user: the capability must match, and it must not have expired. */
export async function openInstance(
  deps: RuntimeDeps,
  { instanceId, capability }: { instanceId: string; capability: string | undefined },
) {
  const instance = await deps.records.instances.find({ id: instanceId });
  if (!instance)
    throw new RuntimeError('INSTANCE_NOT_FOUND', 'this registration link is not known');
  if (
    !capability ||
    !instance.capabilityHash ||
    !matchesHash(capability, instance.capabilityHash)
  ) {
    throw new RuntimeError(
      'CAPABILITY_INVALID',
      'this registration was started in another browser; open your link again there',
    );
  }
  if (deps.now() >= instance.expiresAt)
    throw new RuntimeError('INSTANCE_EXPIRED', 'this registration link has expired');
  const definition = findProcessDefinition(deps, {
    tenantId: instance.tenantId,
    name: instance.definitionName,
    version: instance.definitionVersion,
  });
  return { instance, definition: definition.definition };
}
