import type { InstanceRecord } from '../../storage/InstanceRecord';
import type { ProcessDefinition } from '../definition/ProcessDefinition';
import type { RuntimeDeps } from '../RuntimeDeps';
import type { StepOwner } from './activities/Activity';
import { endStep } from './endStep';
import type { RequestLanguage, StepView } from './StepView';
import { userActivityOf } from './userActivityOf';
import { viewContextOf } from './viewContextOf';

/**
 * The browser's view of the instance's current step, in the best locale for the request: the
 * step's owner renders it (its activity, or the engine's end).
 */
export function renderStep(
  deps: Pick<RuntimeDeps, 'forms'>,
  {
    instance,
    definition,
    lang = {},
  }: { instance: InstanceRecord; definition: ProcessDefinition; lang?: RequestLanguage },
): StepView {
  const step = instance.step!;
  const owner: StepOwner<unknown> | undefined =
    step.component === 'end' ? endStep : userActivityOf(definition, step.nodeId);
  if (!owner) throw new Error(`step '${step.stepId}' has no activity to render it`);
  return owner.view(viewContextOf(deps, { instance, definition }), step, lang);
}
