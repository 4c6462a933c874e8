import { dataFormCapture } from '../contextPaths';
import type { UserActivity } from './Activity';
import { checkFormStep } from './checkFormStep';
import { enterFormStep, type FormStepState, judgeFormData } from './formStepState';
import { formStepView } from './formStepView';
import { int } from './inputOf';

/** Show a JSON form and capture its data at `_dataForms[formDataKey].currentCapture.data`. */
export const customDataFormActivity: UserActivity<FormStepState> = {
  kind: 'user',
  async enter(ctx) {
    const maxAttempts = int(ctx.inputs.maxAttempts);
    const visits = ctx.instance.visits[ctx.nodeId] ?? 0;
    // Shown maxAttempts times already: the journey stops offering it.
    if (maxAttempts !== undefined && visits > maxAttempts) {
      return {
        leave: {
          event: 'maxAttemptsReached',
          failure: {
            code: 'MAX_ATTEMPTS_REACHED',
            message: `'${ctx.nodeId}' was shown ${maxAttempts} times`,
          },
        },
      };
    }
    return { step: enterFormStep(ctx, 'form', {}) };
  },
  async handle(ctx, step, action) {
    if (action.action === 'cancel') return { leave: { event: 'userCancelled' } };
    if (action.action === 'timeout') return { leave: { event: 'timeout' } };
    const judged = judgeFormData(ctx, step, action.data);
    if (!judged.ok) return { stay: judged.step, refused: true };
    dataFormCapture(ctx.instance.context, step.state.formDataKey).data = judged.data;
    return { leave: {} };
  },
  view(ctx, step, lang) {
    return {
      ...formStepView(ctx, step, lang, 'Continue'),
      component: 'form',
      readonly: step.state.readonly,
    };
  },
  check: checkFormStep,
};
