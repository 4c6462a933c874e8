import type { InstanceRecord } from '../../storage/InstanceRecord';
import type { ProcessDefinition } from '../definition/ProcessDefinition';
import type { RuntimeDeps } from '../RuntimeDeps';
import type { Outcome } from './activities/Activity';
import { activities } from './activities/activities';
import { endStep } from './endStep';
import { findConfigurationFailure } from './findConfigurationFailure';
import { followOutcome } from './followOutcome';
import { nodeContext } from './nodeContext';
import { recordHistory } from './recordHistory';

/** Automatic nodes one request may run before the engine assumes a definition loops. */
const maxAutomaticSteps = 64;

/**
 * Move `instance` from its cursor through automatic nodes until a user step is shown or an
 * end is reached. Only this function (and `leaveStep`) moves an instance (DESIGN §1). A
 * configuration failure (an unknown relying party, form or page, a broken expression) ends the
 * journey at the node where it happened, whatever the node's boundaries say: retrying cannot help.
 */
export async function advanceInstance(
  deps: RuntimeDeps,
  instance: InstanceRecord,
  definition: ProcessDefinition,
) {
  for (let count = 0; count < maxAutomaticSteps; count++) {
    const nodeId = instance.cursor;
    const node = definition.nodes[nodeId];
    if (!node)
      return endStep.finish(deps, instance, definition, {
        code: 'NODE_NOT_FOUND',
        message: `node '${nodeId}' is not in the definition`,
      });
    if (node.type === 'end') return endStep.finish(deps, instance, definition);
    const activity = activities[node.type];
    if (!activity)
      return endStep.finish(deps, instance, definition, {
        code: 'ACTIVITY_UNSUPPORTED',
        message: `activity '${node.type}' is not supported here`,
      });
    instance.visits[nodeId] = (instance.visits[nodeId] ?? 0) + 1;
    let outcome: Outcome;
    try {
      const ctx = await nodeContext(deps, instance, definition, nodeId);
      if (activity.kind === 'user') {
        const entered = await activity.enter(ctx);
        if ('step' in entered) {
          instance.step = entered.step;
          recordHistory(deps, instance, { nodeId, type: node.type, stepId: entered.step.stepId });
          return instance;
        }
        outcome = entered.leave;
      } else {
        outcome = await activity.run(ctx);
      }
    } catch (error) {
      const failure = findConfigurationFailure({ node, error });
      // Anything but a configuration error (storage down, a bug) keeps its usual answer.
      if (!failure) throw error;
      outcome = { failure };
    }
    const stopped = await followOutcome(deps, instance, definition, nodeId, outcome);
    if (stopped) return stopped;
  }
  return endStep.finish(deps, instance, definition, {
    code: 'TOO_MANY_STEPS',
    message: `more than ${maxAutomaticSteps} automatic steps without a user step`,
  });
}
