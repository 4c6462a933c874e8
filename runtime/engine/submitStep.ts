import { isoNow } from '../../core/isoNow';
import type { RuntimeDeps } from '../RuntimeDeps';
import { RuntimeError } from '../RuntimeError';
import { activities } from './activities/activities';
import { contextFor, leaveStep } from './advanceInstance';
import { findConfigurationFailure } from './findConfigurationFailure';
import { openInstance } from './openInstance';
import type { StepAction } from './StepView';
import { withInstanceLock } from './withInstanceLock';

/**
 * The end user answers step `stepId`. The current step's activity judges the answer: invalid
 * data keeps the step (with errors), otherwise the engine moves on. Returns the step to show.
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
    const { instance, definition } = await openInstance(deps, { instanceId, capability });
    const step = instance.step;
    if (!step || step.stepId !== stepId) {
      throw new RuntimeError(
        'STEP_STALE',
        'this page is out of date: the registration has moved on',
        { details: { currentStepId: step?.stepId ?? null } },
      );
    }
    if (instance.state !== 'RUNNING' || step.component === 'end') {
      throw new RuntimeError('INSTANCE_ENDED', 'this registration has already ended');
    }
    const node = definition.nodes[step.nodeId];
    const activity = node ? activities[node.type] : undefined;
    if (activity?.kind !== 'user')
      throw new RuntimeError('ACTION_NOT_ALLOWED', 'this step takes no answer');
    let result: Awaited<ReturnType<typeof activity.handle>>;
    try {
      result = await activity.handle(
        contextFor(deps, instance, definition, step.nodeId),
        step,
        action,
      );
    } catch (error) {
      const failure = findConfigurationFailure({ node, error });
      // Anything but a configuration error (a malformed page SEND, a bug) keeps its usual answer.
      if (!failure) throw error;
      result = { leave: { failure } };
    }
    let invalid = false;
    if ('stay' in result) {
      instance.step = result.stay;
      invalid = result.invalid === true;
    } else {
      await leaveStep(deps, instance, definition, result.leave);
    }
    instance.updatedAt = isoNow(deps);
    const saved = await deps.records.instances.save(instance);
    if (!saved)
      throw new RuntimeError(
        'STEP_STALE',
        'this page is out of date: the registration has moved on',
      );
    return { instance: saved, definition, invalid };
  });
}
