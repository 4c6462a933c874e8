import { isoNow } from '../../core/isoNow';
import type { RuntimeDeps } from '../RuntimeDeps';
import { RuntimeError } from '../RuntimeError';
import type { Outcome, UserActivity } from './activities/Activity';
import { findConfigurationFailure } from './findConfigurationFailure';
import { leaveStep } from './leaveStep';
import { nodeContext } from './nodeContext';
import { openCurrentStep } from './openCurrentStep';
import type { StepAction } from './StepView';
import { staleStepError } from './staleStepError';
import { userActivityOf } from './userActivityOf';
import { withInstanceLock } from './withInstanceLock';

/**
 * The end user answers step `stepId`. The current step's activity judges the answer: data that
 * needs fixing keeps the step (with errors) and the answer is `refused`; otherwise the engine
 * moves on. Returns the instance as saved, with its definition, to show the step it is at.
 */
export function submitStep(
  deps: RuntimeDeps,
  {
    instanceId,
    capability,
    stepId,
    action,
  }: { instanceId: string; capability: string | undefined; stepId: string; action: StepAction },
) {
  return withInstanceLock(instanceId, async () => {
    const { instance, definition, step } = await openCurrentStep(deps, {
      instanceId,
      capability,
      stepId,
    });
    const activity = userActivityOf(definition, step.nodeId);
    if (!activity) throw new RuntimeError('ACTION_NOT_ALLOWED', 'this step takes no answer');
    let result: Awaited<ReturnType<UserActivity['handle']>>;
    try {
      const ctx = await nodeContext(deps, instance, definition, step.nodeId);
      result = await activity.handle(ctx, step, action);
    } catch (error) {
      const failure = findConfigurationFailure({ node: definition.nodes[step.nodeId], error });
      // Anything but a configuration error (a malformed page SEND, a bug) keeps its usual answer.
      if (!failure) throw error;
      result = { leave: { failure } satisfies Outcome };
    }
    let answer: 'accepted' | 'refused' = 'accepted';
    if ('stay' in result) {
      instance.step = result.stay;
      if (result.refused) answer = 'refused';
    } else {
      await leaveStep(deps, instance, definition, result.leave);
    }
    instance.updatedAt = isoNow(deps);
    const saved = await deps.records.instances.save(instance);
    if (!saved) throw staleStepError();
    return { instance: saved, definition, answer };
  });
}
