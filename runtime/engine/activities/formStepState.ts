import { randomId } from '../../../core/randomId';
import { fillFormDefaults } from '../../../forms/fillFormDefaults';
import { findFormVersion } from '../../../forms/findFormVersion';
import { validateFormData } from '../../../forms/validateFormData';
import type { InstanceRecord, StepRecord } from '../../../storage/InstanceRecord';
import type { RuntimeDeps } from '../../RuntimeDeps';
import { dataFormCapture } from '../contextPaths';
import { keepFirstErrorPerField } from '../keepFirstErrorPerField';
import type { FieldError } from '../StepView';
import type { ActivityContext } from './Activity';
import { bool, int, str } from './inputOf';

/** A field error as a step keeps it: the JSON Schema keyword picks its translation. */
export interface StepFieldError extends FieldError {
  keyword?: string;
}

/** What a form step pins when it is shown: the form version is fixed for the step's life. */
export interface FormStepState {
  formName: string;
  formVersion: number;
  formDataKey: string;
  data: Record<string, unknown>;
  errors: StepFieldError[];
  hideButtons: boolean;
  delaySeconds: number;
  readonly: boolean;
}

/** Build a form step for `ctx`'s node, prefilled with what the same form key captured before. */
export function enterFormStep<E extends object>(
  ctx: ActivityContext,
  component: 'form' | 'passkeyForm' | 'passkeySignIn',
  extra: E,
): StepRecord<FormStepState & E> {
  const { deps, instance, inputs, nodeId } = ctx;
  const version = findFormVersion(deps, {
    tenantId: instance.tenantId,
    name: str(inputs.formName) ?? '',
    ...(int(inputs.formVersion) ? { version: int(inputs.formVersion) } : {}),
  });
  const formDataKey = str(inputs.formDataKey) ?? nodeId;
  const previous = dataFormCapture(instance.context, formDataKey).data;
  const state: FormStepState = {
    formName: version.name,
    formVersion: version.version,
    formDataKey,
    // The schema's defaults prefilled, as the submission will be stored (fillFormDefaults).
    data: fillFormDefaults({
      definition: version.definition,
      data: isObject(previous) ? previous : {},
    }),
    errors: [],
    hideButtons: bool(inputs.hideButtons) ?? false,
    delaySeconds: int(inputs.delaySeconds) ?? 0,
    readonly: bool(inputs.readonly) ?? false,
  };
  return {
    stepId: randomId(deps),
    nodeId,
    component,
    state: { ...state, ...extra },
    createdAt: deps.now(),
  };
}

/** Validate submitted data server-side against the very version the step showed. */
export function judgeFormData<S extends FormStepState>(
  ctx: { deps: Pick<RuntimeDeps, 'forms'>; instance: InstanceRecord },
  step: StepRecord<S>,
  data: unknown,
) {
  const { definition } = findFormVersion(ctx.deps, {
    tenantId: ctx.instance.tenantId,
    name: step.state.formName,
    version: step.state.formVersion,
  });
  const result = validateFormData({ definition, data: data ?? {} });
  if (result.ok) return { ok: true as const, data: result.data };
  // Oversized data is refused whole: the step and the instance stay as they were.
  if ('refused' in result) throw result.refused;
  const errors = keepFirstErrorPerField(result.errors).map(({ path, message, keyword }) => ({
    path,
    message,
    keyword,
  }));
  const state: S = { ...step.state, data: isObject(data) ? data : {}, errors };
  return { ok: false as const, step: { ...step, state } };
}

/** `step` with some of its state replaced (same stepId). */
export function withState<S>(step: StepRecord<S>, patch: Partial<S>): StepRecord<S> {
  return { ...step, state: { ...step.state, ...patch } };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
