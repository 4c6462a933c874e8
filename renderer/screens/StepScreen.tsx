import type { StepView } from '../../runtime/engine/StepView';
import type { Flow } from '../flow/useFlow';
import { EndScreen } from './EndScreen';
import { FormScreen } from './FormScreen';
import { PageScreen } from './PageScreen';
import { PasskeyFormScreen } from './PasskeyFormScreen';
import { PasskeySignInScreen } from './PasskeySignInScreen';
import { UnknownStepScreen } from './UnknownStepScreen';

/** Picks the screen by the step's `component` (STYLE rule 11), with a fallback for new ones. */
export function StepScreen({
  step,
  busy,
  flow,
  baseUrl,
}: {
  step: StepView;
  busy: 'submitting' | 'ceremony' | null;
  flow: Flow;
  baseUrl: string;
}) {
  const onSubmit = (data: Record<string, unknown>) => flow.submit(step, data);
  const check = (data: Record<string, unknown>) => flow.check(step, data);
  switch (step.component) {
    case 'form':
      return <FormScreen step={step} busy={busy !== null} onSubmit={onSubmit} check={check} />;
    case 'passkeyForm':
      return (
        <PasskeyFormScreen
          step={step}
          busy={busy}
          onSubmit={onSubmit}
          check={check}
          onCreatePasskey={() => flow.runCeremony(step)}
        />
      );
    case 'passkeySignIn':
      return (
        <PasskeySignInScreen
          step={step}
          busy={busy}
          onSubmit={onSubmit}
          check={check}
          onSignIn={() => flow.runCeremony(step)}
          onCancel={flow.cancelCeremony}
          autofill={{ start: flow.runAutofill, abort: flow.abortAutofill }}
        />
      );
    case 'page':
      return <PageScreen step={step} flow={flow} baseUrl={baseUrl} />;
    case 'end':
      return <EndScreen step={step} startLink={flow.startLink} baseUrl={baseUrl} />;
    default:
      return <UnknownStepScreen onReload={flow.loadCurrentStep} />;
  }
}
