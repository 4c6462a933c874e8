import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { randomId } from '../../../core/randomId';
import type { StepRecord } from '../../../storage/InstanceRecord';
import { authenticationsOf } from '../authentications/authenticationsOf';
import { dataFormCapture } from '../contextPaths';
import type { ActivityContext, Outcome, UserActivity } from './Activity';
import { checkFormStep } from './checkFormStep';
import { noPasskeyReason } from './completePasskeyAuthenticationActivity';
import { enterFormStep, type FormStepState, judgeFormData, withState } from './formStepState';
import { formStepView } from './formStepView';
import { failureOf, int, str } from './inputOf';

/** What the sign-in form pins beside the form: its sign-in and where it stands. */
interface SignInFormState extends FormStepState {
  authenticationKey: string;
  /** `form`: the form shows (and autofill may answer); `ceremony`: the button's ceremony runs. */
  phase: 'form' | 'ceremony';
  requestOptions: PublicKeyCredentialRequestOptionsJSON;
  /** Epoch ms after which the step only times out (server-enforced). */
  expiresAt: number | null;
}

/**
 * The sign-in form (TrustX's Passkey Authentication Form): a form with an optional user name
 * and a "Sign in with a passkey" button. While it shows, the browser may answer the session's
 * options through autofill (conditional mediation); the button submits the form, which
 * re-issues the session for the named user (else keeps the usernameless one) and hands the
 * options to the browser's ceremony. The browser's response leaves the step for
 * completePasskeyAuthentication; so does "no passkey here", which that node tells apart.
 */
export const passkeyAuthenticationFormActivity: UserActivity<SignInFormState> = {
  kind: 'user',
  async enter(ctx) {
    const key = str(ctx.inputs.authenticationKey) ?? 'passkeyAuth1';
    const authentications = authenticationsOf(ctx.deps, ctx.instance);
    // A revisit (after a cancel or a refused response) gets a fresh challenge.
    if ((ctx.instance.visits[ctx.nodeId] ?? 0) > 1) {
      const reissued = await reissue(ctx, key);
      if (reissued) return { leave: reissued };
    }
    const requestOptions = authentications.clientRequest(key);
    if (!requestOptions) return { leave: authentications.notStarted(key, 'form') };
    const timeout = int(ctx.inputs.timeoutSeconds);
    return {
      step: enterFormStep(ctx, 'passkeySignIn', {
        authenticationKey: key,
        phase: 'form' as const,
        requestOptions,
        expiresAt: timeout ? ctx.deps.now() + timeout * 1000 : null,
      }),
    };
  },
  async handle(ctx, step, action) {
    const { state } = step;
    const authentications = authenticationsOf(ctx.deps, ctx.instance);
    const capture = dataFormCapture(ctx.instance.context, state.formDataKey);
    const timedOut = state.expiresAt !== null && ctx.deps.now() > state.expiresAt;
    if (action.action === 'timeout' || timedOut) {
      await authentications.cancel(state.authenticationKey);
      return { leave: { event: 'timeout' } };
    }
    if (action.action === 'cancel') {
      const reason = action.reason ?? 'cancelled';
      capture.cancelReason = reason;
      authentications.declined(state.authenticationKey, reason);
      // "No passkey here" is completePasskeyAuthentication's event to raise, not a cancel.
      if (reason === noPasskeyReason) return { leave: {} };
      await authentications.cancel(state.authenticationKey);
      return { leave: { event: 'userCancelled' } };
    }
    // From the button's ceremony, or from autofill while the form shows.
    if (action.browserResponse !== undefined) {
      authentications.captureResponse(state.authenticationKey, action.browserResponse);
      capture.browserResponse = action.browserResponse;
      return { leave: {} };
    }
    return submitForm(ctx, step, action.data);
  },
  view(ctx, step, lang) {
    const { phase, requestOptions, expiresAt } = step.state;
    return {
      ...formStepView(ctx, step, lang, 'Sign in with a passkey'),
      component: 'passkeySignIn',
      autofill: phase === 'form' ? { requestOptions } : null,
      ceremony: phase === 'ceremony' ? { requestOptions } : null,
      expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
    };
  },
  check: checkFormStep,
};

/** A user name re-issues the session for that user (or usernameless: the same answer). */
async function submitForm(ctx: ActivityContext, step: StepRecord<SignInFormState>, data: unknown) {
  const judged = judgeFormData(ctx, step, data);
  if (!judged.ok) return { stay: judged.step, refused: true as const };
  const { authenticationKey, formDataKey } = step.state;
  dataFormCapture(ctx.instance.context, formDataKey).data = judged.data;
  const userName = str(judged.data.userName);
  if (userName) {
    const failed = await reissue(ctx, authenticationKey, userName);
    if (failed) return { leave: failed };
  }
  const requestOptions = authenticationsOf(ctx.deps, ctx.instance).clientRequest(authenticationKey);
  if (!requestOptions)
    return {
      leave: authenticationsOf(ctx.deps, ctx.instance).notStarted(authenticationKey, 'form'),
    };
  const next = withState(step, {
    data: judged.data,
    errors: [],
    phase: 'ceremony',
    requestOptions,
  });
  return { stay: { ...next, stepId: randomId(ctx.deps) } };
}

/** Issue a fresh session for `key`; the outcome to leave with when that fails. */
async function reissue(
  ctx: ActivityContext,
  key: string,
  userName?: string,
): Promise<Outcome | undefined> {
  const authentications = authenticationsOf(ctx.deps, ctx.instance);
  try {
    const reissued = await authentications.reissue(key, userName ? { userName } : {});
    return reissued ? undefined : authentications.notStarted(key, 'form');
  } catch (error) {
    return { event: 'failedIdStoreCall', failure: failureOf(error, key) };
  }
}
