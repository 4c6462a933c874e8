import type { InstanceRecord } from '../../storage/InstanceRecord';
import type { ProcessDefinition } from '../definition/ProcessDefinition';
import type { RuntimeDeps } from '../RuntimeDeps';
import type { ViewContext } from './activities/Activity';

/** What the view of the instance's current step is rendered with (its node's label as title). */
export function viewContextOf(
  deps: Pick<RuntimeDeps, 'forms'>,
  { instance, definition }: { instance: InstanceRecord; definition: ProcessDefinition },
): ViewContext {
  const step = instance.step!;
  const title = definition.nodes[step.nodeId]?.label;
  return {
    deps,
    instance,
    base: { stepId: step.stepId, instanceId: instance.id, ...(title ? { title } : {}) },
  };
}
