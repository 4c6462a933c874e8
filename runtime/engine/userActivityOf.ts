import type { ProcessDefinition } from '../definition/ProcessDefinition';
import type { UserActivity } from './activities/Activity';
import { activities } from './activities/activities';

/** The activity that owns the steps of node `nodeId`, when it is one that shows steps. */
export function userActivityOf(
  definition: ProcessDefinition,
  nodeId: string,
): UserActivity | undefined {
  const node = definition.nodes[nodeId];
  const activity = node ? activities[node.type] : undefined;
  return activity?.kind === 'user' ? activity : undefined;
}
