import { randomId } from '../identity/IdentityDeps';
import type { InstanceRecord } from '../storage/InstanceRecord';
import type { ActivityContext, Outcome } from './activities/Activity';
import { activities } from './activities/activities';
import { chooseNext } from './chooseNext';
import { resolveTemplate } from './expressions/resolveTemplate';
import type { ProcessDefinition } from './ProcessDefinition';
import type { RuntimeDeps } from './RuntimeDeps';

/** Automatic nodes one request may run before the engine assumes a definition loops. */
const maxAutomaticSteps = 64;

/**
 * Move `instance` from its cursor through automatic nodes until a user step is shown or an
 * end is reached. Only this function (and `leaveStep`) moves an instance (DESIGN §1).
 */
export async function advanceInstance(
  deps: RuntimeDeps,
  instance: InstanceRecord,
  definition: ProcessDefinition,
) {
  for (let count = 0; count < maxAutomaticSteps; count++) {
    const node = definition.nodes[instance.cursor];
    if (!node)
      return finish(deps, instance, definition, {
        code: 'NODE_NOT_FOUND',
        message: `node '${instance.cursor}' is not in the definition`,
      });
    if (node.type === 'end') return finish(deps, instance, definition);
    const activity = activities[node.type];
    if (!activity)
      return finish(deps, instance, definition, {
        code: 'ACTIVITY_UNSUPPORTED',
        message: `activity '${node.type}' is not supported here`,
      });
    instance.visits[instance.cursor] = (instance.visits[instance.cursor] ?? 0) + 1;
    const ctx = contextFor(deps, instance, definition, instance.cursor);
    let outcome: Outcome;
    if (activity.kind === 'user') {
      const entered = await activity.enter(ctx);
      if ('step' in entered) {
        instance.step = entered.step;
        record(deps, instance, {
          nodeId: ctx.nodeId,
          type: node.type,
          stepId: entered.step.stepId,
        });
        return instance;
      }
      outcome = entered.leave;
    } else {
      outcome = await activity.run(ctx);
    }
    if (!move(deps, instance, definition, ctx.nodeId, outcome)) {
      return finish(deps, instance, definition, {
        code: 'NO_TRANSITION',
        message: `node '${ctx.nodeId}' has nowhere to go after ${outcome.event ?? 'completing'}`,
      });
    }
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
  if (!move(deps, instance, definition, nodeId, outcome)) {
    return finish(deps, instance, definition, {
      code: 'NO_TRANSITION',
      message: `node '${nodeId}' has nowhere to go after ${outcome.event ?? 'completing'}`,
    });
  }
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

function move(
  deps: RuntimeDeps,
  instance: InstanceRecord,
  definition: ProcessDefinition,
  nodeId: string,
  outcome: Outcome,
) {
  const node = definition.nodes[nodeId]!;
  if (outcome.failure) instance.failures.push({ nodeId, ...outcome.failure });
  record(deps, instance, {
    nodeId,
    type: node.type,
    ...(outcome.event ? { event: outcome.event } : {}),
    ...(outcome.failure ? { note: outcome.failure.code } : {}),
  });
  const next = chooseNext({ node, event: outcome.event, context: instance.context });
  if (!next) return false;
  instance.cursor = next;
  return true;
}

/** Reach an end: success unless the decision (or a failure without a decider) says otherwise. */
function finish(
  deps: RuntimeDeps,
  instance: InstanceRecord,
  definition: ProcessDefinition,
  failure?: { code: string; message: string },
) {
  if (failure) {
    instance.failures.push({ nodeId: instance.cursor, ...failure });
    instance.decision = 'FAIL';
    instance.context._decision = 'FAIL';
  }
  const node = definition.nodes[instance.cursor];
  const inputs =
    node?.type === 'end' ? contextFor(deps, instance, definition, instance.cursor).inputs : {};
  const failed = instance.decision === 'FAIL';
  instance.state = failed ? 'FAILED' : 'COMPLETED';
  instance.step = {
    stepId: randomId(deps),
    nodeId: instance.cursor,
    component: 'end',
    state: {
      outcome: failed ? 'failure' : 'success',
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
