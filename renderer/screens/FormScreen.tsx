import type { FormStepView } from '../../runtime/engine/StepView';
import { chooseHeading } from '../flow/chooseHeading';
import { StepForm } from '../forms/StepForm';
import type { CheckData } from '../forms/useLiveValidation';
import { ScreenHeading } from './ScreenHeading';

/** A `form` step (e.g. the retry form): fill in, submit, get the next step. */
export function FormScreen({
  step,
  busy,
  onSubmit,
  check,
}: {
  step: FormStepView;
  busy: boolean;
  onSubmit: (data: Record<string, unknown>) => void;
  check?: CheckData;
}) {
  const heading = chooseHeading({
    texts: step.form.texts,
    title: step.title,
    fallback: 'Your details',
  });
  return (
    <>
      <ScreenHeading>{heading}</ScreenHeading>
      <StepForm
        key={step.stepId}
        form={step.form}
        locale={step.locale}
        initialData={step.data}
        errors={step.errors}
        submitLabel={step.submitLabel}
        hideButtons={step.hideButtons}
        delaySeconds={step.delaySeconds}
        readonly={step.readonly}
        busy={busy}
        onSubmit={onSubmit}
        check={check}
      />
    </>
  );
}
