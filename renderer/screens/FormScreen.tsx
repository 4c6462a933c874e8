import type { FormStepView } from '../../runtime/engine/StepView';
import { chooseHeading } from '../flow/chooseHeading';
import type { CheckData } from '../forms/useLiveValidation';
import { ScreenHeading } from './ScreenHeading';
import { StepFormFor } from './StepFormFor';

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
      <StepFormFor step={step} busy={busy} onSubmit={onSubmit} check={check} />
    </>
  );
}
