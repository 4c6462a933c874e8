import type { InstanceRecord } from '../../storage/InstanceRecord';
import type { ProcessDefinition } from '../definition/ProcessDefinition';
import type { RuntimeDeps } from '../RuntimeDeps';
import type { Outcome } from './activities/Activity';
import { advanceInstance } from './advanceInstance';
import { followOutcome } from './followOutcome';

/** Leave the current user step with `outcome` and run on to the next user step or end. */
export async function leaveStep(
  deps: RuntimeDeps,
  instance: InstanceRecord,
  definition: ProcessDefinition,
  outcome: Outcome,
) {
  const nodeId = instance.cursor;
  instance.step = null;
  const stopped = await followOutcome(deps, instance, definition, nodeId, outcome);
  if (stopped) return stopped;
  return advanceInstance(deps, instance, definition);
}
