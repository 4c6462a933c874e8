import type { InstanceRecord } from '../../storage/InstanceRecord';
import type { ProcessDefinition } from '../definition/ProcessDefinition';
import { resolveTemplate } from '../expressions/resolveTemplate';
import type { RuntimeDeps } from '../RuntimeDeps';
import type { ActivityContext } from './activities/Activity';
import { registrationsOf } from './registrations/registrationsOf';

/**
 * What node `nodeId`'s activity runs with: its inputs resolved against the context as it is
 * now. A registration those inputs may read is issued first (registrationsOf), so an
 * expression never reads options that were not issued.
 */
export async function nodeContext(
  deps: RuntimeDeps,
  instance: InstanceRecord,
  definition: ProcessDefinition,
  nodeId: string,
): Promise<ActivityContext> {
  const node = definition.nodes[nodeId]!;
  const template = node.inputs ?? {};
  await registrationsOf(deps, instance).issueReadBy(template);
  const inputs = resolveTemplate({ template, context: instance.context }) as Record<
    string,
    unknown
  >;
  return { deps, instance, nodeId, node, inputs };
}
