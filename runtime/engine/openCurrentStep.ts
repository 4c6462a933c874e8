import type { RuntimeDeps } from '../RuntimeDeps';
import { RuntimeError } from '../RuntimeError';
import { openInstance } from './openInstance';
import { staleStepError } from './staleStepError';

/**
 * Load an instance for its end user's answer to step `stepId`: it must be the current step, and
 * the instance must still be running.
 */
export async function openCurrentStep(
  deps: RuntimeDeps,
  {
    instanceId,
    capability,
    stepId,
  }: { instanceId: string; capability: string | undefined; stepId: string },
) {
  const { instance, definition } = await openInstance(deps, { instanceId, capability });
  const step = instance.step;
  if (!step || step.stepId !== stepId) {
    throw staleStepError({ currentStepId: step?.stepId ?? null });
  }
  if (instance.state !== 'RUNNING' || step.component === 'end') {
    throw new RuntimeError('INSTANCE_ENDED', 'this registration has already ended');
  }
  return { instance, definition, step };
}
