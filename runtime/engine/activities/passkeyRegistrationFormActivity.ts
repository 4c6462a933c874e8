import { randomId } from '../../../core/randomId';
import { dataFormCapture, registrationRecord } from '../contextPaths';
import type { ActivityContext, UserActivity } from './Activity';
import { enterFormStep, type FormStepState, judgeFormData, withState } from './formStepState';
import { failureOf, int, str } from './inputOf';
import { cancelQuietly, issueRegistration, type RegistrationRequest } from './issueRegistration';

interface PasskeyFormState extends FormStepState {
  registrationKey: string;
  phase: 'form' | 'ceremony';
  creationOptions: unknown;
  /** Epoch ms after which the step only times out (server-enforced). */
  expiresAt: number | null;
}

/**
 * The registration form: phase `form` collects user name and display name; once valid, a
 * session is issued with those names and phase `ceremony` hands its options to the browser;
 * the browser's response then leaves the step for completePasskeyRegistration.
 */
export const passkeyRegistrationFormActivity: UserActivity = {
  kind: 'user',
  async enter(ctx) {
    const timeout = int(ctx.inputs.timeoutSeconds);
    return {
      step: enterFormStep(ctx, 'passkeyForm', {
        registrationKey: str(ctx.inputs.registrationKey) ?? 'passkeyReg1',
        phase: 'form',
        creationOptions: null,
        expiresAt: timeout ? ctx.deps.now() + timeout * 1000 : null,
      }),
    };
  },
  async handle(ctx, step, action) {
    const state = step.state as unknown as PasskeyFormState;
    const record = registrationRecord(ctx.instance.context, state.registrationKey);
    const timedOut = state.expiresAt !== null && ctx.deps.now() > state.expiresAt;
    if (action.action === 'timeout' || timedOut) {
      await cancelPending(ctx, record);
      return { leave: { event: 'timeout' } };
    }
    if (action.action === 'cancel') {
      await cancelPending(ctx, record);
      dataFormCapture(ctx.instance.context, state.formDataKey).cancelReason =
        action.reason ?? 'cancelled';
      return { leave: { event: 'userCancelled' } };
    }
    if (state.phase === 'ceremony' && action.browserResponse !== undefined) {
      record.browserResponse = action.browserResponse;
      dataFormCapture(ctx.instance.context, state.formDataKey).browserResponse =
        action.browserResponse;
      return { leave: {} };
    }
    return submitForm(ctx, step, action.data);
  },
};

async function submitForm(
  ctx: ActivityContext,
  step: Parameters<UserActivity['handle']>[1],
  data: unknown,
) {
  const state = step.state as unknown as PasskeyFormState;
  const judged = judgeFormData(ctx, step, data);
  if (!judged.ok) return { stay: judged.step, invalid: true };
  const record = registrationRecord(ctx.instance.context, state.registrationKey);
  const request = record.request as RegistrationRequest | undefined;
  if (!request) {
    return {
      leave: {
        event: 'failedIdStoreCall',
        failure: {
          code: 'REGISTRATION_NOT_STARTED',
          message: `no registration '${state.registrationKey}' precedes this form`,
          registrationKey: state.registrationKey,
        },
      },
    };
  }
  const userName = str(judged.data.userName);
  const userDisplayName = str(judged.data.displayName) ?? str(judged.data.userDisplayName);
  // A journey that creates its user by name must not collide with an existing user key.
  if (request.createUser && userName) {
    const taken = await ctx.deps.records.users.findByUserKey(
      { tenantId: ctx.instance.tenantId, storeName: request.storeName },
      userName,
    );
    if (taken) {
      return {
        stay: withState(step, {
          data: judged.data,
          errors: [
            { path: '/userName', keyword: 'taken', message: 'This user name is already taken.' },
          ],
        }),
        invalid: true,
      };
    }
  }
  dataFormCapture(ctx.instance.context, state.formDataKey).data = judged.data;
  const previous = record.startPasskeyRegistrationResponse as { sessionId?: string } | undefined;
  try {
    const started = await issueRegistration(ctx.deps, {
      tenantId: ctx.instance.tenantId,
      request,
      ...(previous?.sessionId ? { replaces: previous.sessionId } : {}),
      ...(userName ? { userName } : {}),
      ...(userDisplayName ? { userDisplayName } : {}),
    });
    record.startPasskeyRegistrationResponse = started;
    delete record.browserResponse;
    const next = withState(step, {
      data: judged.data,
      errors: [],
      phase: 'ceremony',
      creationOptions: started.clientRequest,
    });
    return { stay: { ...next, stepId: randomId(ctx.deps) } };
  } catch (error) {
    return {
      leave: { event: 'failedIdStoreCall', failure: failureOf(error, state.registrationKey) },
    };
  }
}

async function cancelPending(ctx: ActivityContext, record: Record<string, unknown>) {
  const started = record.startPasskeyRegistrationResponse as { sessionId?: string } | undefined;
  const request = record.request as RegistrationRequest | undefined;
  if (started?.sessionId && request) {
    await cancelQuietly(ctx.deps, {
      tenantId: ctx.instance.tenantId,
      storeName: request.storeName,
      sessionId: started.sessionId,
    });
  }
}
