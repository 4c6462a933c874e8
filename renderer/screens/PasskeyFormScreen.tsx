import type { PasskeyFormStepView } from '../../runtime/engine/StepView';
import { chooseHeading } from '../flow/chooseHeading';
import type { CheckData } from '../forms/useLiveValidation';
import { ScreenHeading } from './ScreenHeading';
import { StepFormFor } from './StepFormFor';

/**
 * The registration form, then the ceremony. Right after a submit the ceremony runs on its
 * own; a step that arrives with `ceremony` already set (a reload) waits for a click, since
 * browsers may refuse navigator.credentials.create() without a user gesture.
 */
export function PasskeyFormScreen({
  step,
  busy,
  onSubmit,
  check,
  onCreatePasskey,
}: {
  step: PasskeyFormStepView;
  busy: 'submitting' | 'ceremony' | null;
  onSubmit: (data: Record<string, unknown>) => void;
  check?: CheckData;
  onCreatePasskey: () => void;
}) {
  const heading = chooseHeading({
    texts: step.form.texts,
    title: step.title,
    fallback: 'Register a passkey',
  });
  if (step.ceremony === null) {
    return (
      <>
        <ScreenHeading>{heading}</ScreenHeading>
        <StepFormFor step={step} busy={busy !== null} onSubmit={onSubmit} check={check} />
      </>
    );
  }
  return (
    <>
      <ScreenHeading>{heading}</ScreenHeading>
      <p>
        {busy === 'ceremony'
          ? 'Your browser or device will ask you to create a passkey for this site.'
          : 'Your details were accepted. Create your passkey to finish.'}
      </p>
      <button
        type="button"
        className="button"
        aria-disabled={busy !== null || undefined}
        onClick={() => {
          if (busy === null) onCreatePasskey();
        }}
      >
        Create passkey
      </button>
    </>
  );
}
