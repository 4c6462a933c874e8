import { useEffect } from 'react';
import type { PasskeySignInStepView } from '../../runtime/engine/StepView';
import { chooseHeading } from '../flow/chooseHeading';
import { lookupText } from '../forms/lookupText';
import type { CheckData } from '../forms/useLiveValidation';
import { ScreenHeading } from './ScreenHeading';
import { StepFormFor } from './StepFormFor';

/**
 * The sign-in form, then the ceremony. While the form shows, passkey autofill runs where the
 * browser has it (the username field's suggestions); the button aborts it and submits the form,
 * whose answer starts the browser's prompt on its own. A step that arrives with `ceremony`
 * already set (a reload) waits for a click. During the prompt the user can cancel from here.
 */
export function PasskeySignInScreen({
  step,
  busy,
  onSubmit,
  check,
  onSignIn,
  onCancel,
  autofill,
}: {
  step: PasskeySignInStepView;
  busy: 'submitting' | 'ceremony' | null;
  onSubmit: (data: Record<string, unknown>) => void;
  check?: CheckData;
  onSignIn: () => void;
  onCancel: () => void;
  autofill: { start: (step: PasskeySignInStepView) => void; abort: () => void };
}) {
  const texts = step.form.texts;
  const text = (key: string, fallback: string) => lookupText({ texts, key, fallback }) ?? fallback;
  const heading = chooseHeading({ texts, title: step.title, fallback: 'Sign in' });
  // Once per shown form: a new step (stepId) is a new form with its own options.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the step, not its object
  useEffect(() => {
    if (step.autofill === null) return;
    autofill.start(step);
    return autofill.abort;
  }, [step.stepId]);

  if (step.ceremony === null) {
    return (
      <>
        <ScreenHeading>{heading}</ScreenHeading>
        <StepFormFor
          step={step}
          busy={busy !== null}
          onSubmit={(data) => {
            autofill.abort();
            onSubmit(data);
          }}
          check={check}
        />
      </>
    );
  }
  return (
    <>
      <ScreenHeading>{heading}</ScreenHeading>
      <p>
        {busy === 'ceremony'
          ? text(
              'signIn.prompt',
              'Your browser or device will ask you to choose your passkey for this site.',
            )
          : text('signIn.ready', 'Sign in with your passkey to continue.')}
      </p>
      <div className="actions">
        {busy === 'ceremony' ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {text('signIn.cancel', 'Cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            aria-disabled={busy !== null || undefined}
            onClick={() => {
              if (busy === null) onSignIn();
            }}
          >
            {step.submitLabel}
          </button>
        )}
      </div>
    </>
  );
}
