import type { InstanceRecord } from '../../storage/InstanceRecord';
import type { ProcessDefinition } from '../definition/ProcessDefinition';
import type { RuntimeDeps } from '../RuntimeDeps';
import type { Outcome } from './activities/Activity';
import { chooseNext } from './chooseNext';
import { endStep } from './endStep';
import { findConfigurationFailure } from './findConfigurationFailure';
import { recordHistory } from './recordHistory';
import { registrationsOf } from './registrations/registrationsOf';

/**
 * Record `outcome` of node `nodeId` and set the cursor to the next node. Returns the finished
 * instance when the journey stops here instead: a configuration failure, or nowhere to go.
 */
export async function followOutcome(
  deps: RuntimeDeps,
  instance: InstanceRecord,
  definition: ProcessDefinition,
  nodeId: string,
  outcome: Outcome,
): Promise<InstanceRecord | undefined> {
  const node = definition.nodes[nodeId]!;
  recordHistory(deps, instance, {
    nodeId,
    type: node.type,
    ...(outcome.event ? { event: outcome.event } : {}),
    ...(outcome.failure ? { note: outcome.failure.code } : {}),
  });
  const misconfigured = findConfigurationFailure({ node, failure: outcome.failure });
  if (misconfigured) return endStep.finish(deps, instance, definition, misconfigured);
  if (outcome.failure) instance.failures.push({ nodeId, ...outcome.failure });
  let next: string | undefined;
  try {
    // A branch's `when` may read a registration's options, as an input may.
    await registrationsOf(deps, instance).issueReadBy(node.next);
    next = chooseNext({ node, event: outcome.event, context: instance.context });
  } catch (error) {
    const failure = findConfigurationFailure({ node, error });
    if (!failure) throw error;
    return endStep.finish(deps, instance, definition, failure);
  }
  if (!next) {
    return endStep.finish(deps, instance, definition, {
      code: 'NO_TRANSITION',
      message: `node '${nodeId}' has nowhere to go after ${outcome.event ?? 'completing'}`,
    });
  }
  instance.cursor = next;
  return undefined;
}
