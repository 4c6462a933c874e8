import type { StepRecord } from '../../../storage/InstanceRecord';
import type { FieldError, RequestLanguage } from '../StepView';
import type { ViewContext } from './Activity';
import { type FormStepState, judgeFormData } from './formStepState';
import { formStepView } from './formStepView';

/**
 * A form step's dry run: the field errors submitting `data` would get, judged by the same code
 * as a submit (judgeFormData) and translated as its view would show them.
 */
export function checkFormStep(
  ctx: ViewContext,
  step: StepRecord<FormStepState>,
  data: unknown,
  lang: RequestLanguage,
): FieldError[] {
  const judged = judgeFormData(ctx, step, data);
  return judged.ok ? [] : formStepView(ctx, judged.step, lang, '').errors;
}
