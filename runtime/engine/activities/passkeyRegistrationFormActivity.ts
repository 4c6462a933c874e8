import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { randomId } from '../../../core/randomId';
import type { StepRecord } from '../../../storage/InstanceRecord';
import { dataFormCapture } from '../contextPaths';
import { registrationsOf } from '../registrations/registrationsOf';
import type { ActivityContext, UserActivity } from './Activity';
import { checkFormStep } from './checkFormStep';
import { enterFormStep, type FormStepState, judgeFormData, withState } from './formStepState';
import { formStepView } from './formStepView';
import { int, str } from './inputOf';

/** What the registration form pins beside the form: its registration and where it stands. */
interface PasskeyFormState extends FormStepState {
  registrationKey: string;
  phase: 'form' | 'ceremony';
  /** The issued session's options, once the form data was accepted. */
  creationOptions: PublicKeyCredentialCreationOptionsJSON | null;
  /** Epoch ms after which the step only times out (server-enforced). */
  expiresAt: number | null;
}

/**
 * The registration form: phase `form` collects user name and display name; once valid, the
 * session is issued with those names and phase `ceremony` hands its options to the browser;
 * the browser's response then leaves the step for completePasskeyRegistration.
 */
export const passkeyRegistrationFormActivity: UserActivity<PasskeyFormState> = {
  kind: 'user',
  async enter(ctx) {
    const timeout = int(ctx.inputs.timeoutSeconds);
    return {
      step: enterFormStep(ctx, 'passkeyForm', {
        registrationKey: str(ctx.inputs.registrationKey) ?? 'passkeyReg1',
        phase: 'form' as const,
        creationOptions: null,
        expiresAt: timeout ? ctx.deps.now() + timeout * 1000 : null,
      }),
    };
  },
  async handle(ctx, step, action) {
    const { state } = step;
    const registrations = registrationsOf(ctx.deps, ctx.instance);
    const timedOut = state.expiresAt !== null && ctx.deps.now() > state.expiresAt;
    if (action.action === 'timeout' || timedOut) {
      await registrations.cancel(state.registrationKey);
      return { leave: { event: 'timeout' } };
    }
    if (action.action === 'cancel') {
      await registrations.cancel(state.registrationKey);
      dataFormCapture(ctx.instance.context, state.formDataKey).cancelReason =
        action.reason ?? 'cancelled';
      return { leave: { event: 'userCancelled' } };
    }
    if (state.phase === 'ceremony' && action.browserResponse !== undefined) {
      registrations.captureResponse(state.registrationKey, action.browserResponse);
      dataFormCapture(ctx.instance.context, state.formDataKey).browserResponse =
        action.browserResponse;
      return { leave: {} };
    }
    return submitForm(ctx, step, action.data);
  },
  view(ctx, step, lang) {
    const { phase, creationOptions, expiresAt } = step.state;
    return {
      ...formStepView(ctx, step, lang, 'Submit for Registration'),
      component: 'passkeyForm',
      ceremony: phase === 'ceremony' && creationOptions ? { creationOptions } : null,
      expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
    };
  },
  check: checkFormStep,
};

/** Valid names issue the session with them; a taken user name is the user's to fix. */
async function submitForm(ctx: ActivityContext, step: StepRecord<PasskeyFormState>, data: unknown) {
  const judged = judgeFormData(ctx, step, data);
  if (!judged.ok) return { stay: judged.step, refused: true as const };
  const { registrationKey, formDataKey } = step.state;
  const userName = str(judged.data.userName);
  const userDisplayName = str(judged.data.displayName) ?? str(judged.data.userDisplayName);
  const issued = await registrationsOf(ctx.deps, ctx.instance).issue(registrationKey, {
    names: { ...(userName ? { userName } : {}), ...(userDisplayName ? { userDisplayName } : {}) },
    before: 'form',
  });
  if (issued.outcome === 'taken') {
    return {
      stay: withState(step, { data: judged.data, errors: [issued.error] }),
      refused: true as const,
    };
  }
  if (issued.outcome === 'notStarted') return { leave: issued.leave };
  dataFormCapture(ctx.instance.context, formDataKey).data = judged.data;
  if (issued.outcome === 'failed') return { leave: issued.leave };
  const next = withState(step, {
    data: judged.data,
    errors: [],
    phase: 'ceremony',
    creationOptions: issued.clientRequest,
  });
  return { stay: { ...next, stepId: randomId(ctx.deps) } };
}
