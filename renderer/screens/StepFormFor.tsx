import type {
  FormStepView,
  PasskeyFormStepView,
  PasskeySignInStepView,
} from '../../runtime/engine/StepView';
import { StepForm } from '../forms/StepForm';
import type { CheckData } from '../forms/useLiveValidation';

/** The JSON form of any step that shows one, from the step's own fields (keyed by its stepId). */
export function StepFormFor({
  step,
  busy,
  onSubmit,
  check,
}: {
  step: FormStepView | PasskeyFormStepView | PasskeySignInStepView;
  busy: boolean;
  onSubmit: (data: Record<string, unknown>) => void;
  check?: CheckData | undefined;
}) {
  return (
    <StepForm
      key={step.stepId}
      form={step.form}
      locale={step.locale}
      initialData={step.data}
      errors={step.errors}
      submitLabel={step.submitLabel}
      hideButtons={step.hideButtons}
      delaySeconds={step.delaySeconds}
      readonly={step.component === 'form' ? step.readonly : false}
      busy={busy}
      onSubmit={onSubmit}
      check={check}
    />
  );
}
