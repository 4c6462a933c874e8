import { randomId } from '../../core/randomId';
import type { InstanceRecord } from '../../storage/InstanceRecord';
import type { ProcessDefinition } from '../definition/ProcessDefinition';
import { resolveTemplate } from '../expressions/resolveTemplate';
import type { RuntimeDeps } from '../RuntimeDeps';
import type { ActivityContext, Outcome } from './activities/Activity';
import { activities } from './activities/activities';
import { chooseNext } from './chooseNext';
import { type ConfigurationFailure, findConfigurationFailure } from './findConfigurationFailure';

/** Automatic nodes one request may run before the engine assumes a definition loops. */
const maxAutomaticSteps = 64;

type Failure = NonNullable<Outcome['failure']> | ConfigurationFailure;

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
      return finish(deps, instance, definition, {
        code: 'NODE_NOT_FOUND',
        message: `node '${nodeId}' is not in the definition`,
      });
    if (node.type === 'end') return finish(deps, instance, definition);
    const activity = activities[node.type];
    if (!activity)
      return finish(deps, instance, definition, {
        code: 'ACTIVITY_UNSUPPORTED',
        message: `activity '${node.type}' is not supported here`,
      });
    instance.visits[nodeId] = (instance.visits[nodeId] ?? 0) + 1;
    let outcome: Outcome;
    try {
      const ctx = contextFor(deps, instance, definition, nodeId);
      if (activity.kind === 'user') {
        const entered = await activity.enter(ctx);
        if ('step' in entered) {
          instance.step = entered.step;
          record(deps, instance, { nodeId, type: node.type, stepId: entered.step.stepId });
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
    const stopped = proceed(deps, instance, definition, nodeId, outcome);
    if (stopped) return stopped;
  }
  return finish(deps, instance, definition, {
    code: 'TOO_MANY_STEPS',
    message: `more than ${maxAutomaticSteps} automatic steps without a user step`,
  });
}

/** Leave the current user step with `outcome` and run on to the next user step or end. */
export async function leaveStep(
  deps: RuntimeDeps,
  instance: InstanceRecord,
  definition: ProcessDefinition,
  outcome: Outcome,
) {
  const nodeId = instance.cursor;
  instance.step = null;
  const stopped = proceed(deps, instance, definition, nodeId, outcome);
  if (stopped) return stopped;
  return advanceInstance(deps, instance, definition);
}

export function contextFor(
  deps: RuntimeDeps,
  instance: InstanceRecord,
  definition: ProcessDefinition,
  nodeId: string,
): ActivityContext {
  const node = definition.nodes[nodeId]!;
  const inputs = resolveTemplate({
    template: node.inputs ?? {},
    context: instance.context,
  }) as Record<string, unknown>;
  return { deps, instance, nodeId, node, inputs };
}

/**
 * Record `outcome` of node `nodeId` and set the cursor to the next node. Returns the finished
 * instance when the journey stops here instead: a configuration failure, or nowhere to go.
 */
function proceed(
  deps: RuntimeDeps,
  instance: InstanceRecord,
  definition: ProcessDefinition,
  nodeId: string,
  outcome: Outcome,
): InstanceRecord | undefined {
  const node = definition.nodes[nodeId]!;
  record(deps, instance, {
    nodeId,
    type: node.type,
    ...(outcome.event ? { event: outcome.event } : {}),
    ...(outcome.failure ? { note: outcome.failure.code } : {}),
  });
  const misconfigured = findConfigurationFailure({ node, failure: outcome.failure });
  if (misconfigured) return finish(deps, instance, definition, misconfigured);
  if (outcome.failure) instance.failures.push({ nodeId, ...outcome.failure });
  let next: string | undefined;
  try {
    next = chooseNext({ node, event: outcome.event, context: instance.context });
  } catch (error) {
    const failure = findConfigurationFailure({ node, error });
    if (!failure) throw error;
    return finish(deps, instance, definition, failure);
  }
  if (!next) {
    return finish(deps, instance, definition, {
      code: 'NO_TRANSITION',
      message: `node '${nodeId}' has nowhere to go after ${outcome.event ?? 'completing'}`,
    });
  }
  instance.cursor = next;
  return undefined;
}

/** Reach an end: success unless the decision (or a failure without a decider) says otherwise. */
function finish(
  deps: RuntimeDeps,
  instance: InstanceRecord,
  definition: ProcessDefinition,
  failure?: Failure,
) {
  const node = definition.nodes[instance.cursor];
  const entry = failure && (findConfigurationFailure({ node, failure }) ?? failure);
  if (entry) {
    instance.failures.push({ nodeId: instance.cursor, ...entry });
    instance.decision = 'FAIL';
    instance.context._decision = 'FAIL';
  }
  const inputs =
    node?.type === 'end' ? contextFor(deps, instance, definition, instance.cursor).inputs : {};
  const failed = instance.decision === 'FAIL';
  instance.state = failed ? 'FAILED' : 'COMPLETED';
  // A misconfigured journey says so, and offers no "start again": the same link fails the same way.
  const misconfigured = entry !== undefined && 'configuration' in entry;
  instance.step = {
    stepId: randomId(deps),
    nodeId: instance.cursor,
    component: 'end',
    state: {
      outcome: misconfigured ? 'misconfigured' : failed ? 'failure' : 'success',
      message: !failed && typeof inputs.message === 'string' ? inputs.message : null,
      redirectUrl: typeof inputs.redirectUrl === 'string' ? inputs.redirectUrl : null,
    },
    createdAt: deps.now(),
  };
  record(deps, instance, { nodeId: instance.cursor, type: 'end', note: instance.state });
  return instance;
}

function record(
  deps: RuntimeDeps,
  instance: InstanceRecord,
  entry: Omit<InstanceRecord['history'][number], 'at'>,
) {
  instance.history.push({ ...entry, at: new Date(deps.now()).toISOString() });
}
