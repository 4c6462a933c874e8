import type { RuntimeDeps } from '../RuntimeDeps';
import { RuntimeError } from '../RuntimeError';
import { openCurrentStep } from './openCurrentStep';
import type { FieldError, RequestLanguage } from './StepView';
import { userActivityOf } from './userActivityOf';
import { viewContextOf } from './viewContextOf';

/**
 * A dry run of submitting `data` to form step `stepId`: the field errors a submit would answer
 * with, judged and translated by the step's own activity exactly as on a submit, so a browser
 * whose CSP stops ajv can show them before submitting. Nothing is written: the instance keeps
 * its step, its data and its attempts. Oversized data is refused as on submit.
 */
export async function checkStepData(
  deps: RuntimeDeps,
  {
    instanceId,
    capability,
    stepId,
    data,
    lang = {},
  }: {
    instanceId: string;
    capability: string | undefined;
    stepId: string;
    data: unknown;
    lang?: RequestLanguage;
  },
): Promise<FieldError[]> {
  const { instance, definition, step } = await openCurrentStep(deps, {
    instanceId,
    capability,
    stepId,
  });
  // Only form steps judge data; a custom page's parameters are its own page's business.
  const activity = userActivityOf(definition, step.nodeId);
  if (!activity?.check) {
    throw new RuntimeError('ACTION_NOT_ALLOWED', 'this step takes no form data');
  }
  return activity.check(viewContextOf(deps, { instance, definition }), step, data, lang);
}
