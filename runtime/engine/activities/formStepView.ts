import type { FormDefinition } from '../../../forms/FormDefinition';
import { findFormVersion } from '../../../forms/findFormVersion';
import type { StepRecord } from '../../../storage/InstanceRecord';
import { chooseLocale } from '../chooseLocale';
import type { FieldError, FormSpec, RequestLanguage } from '../StepView';
import { translateFieldError } from '../translateFieldError';
import type { ViewContext } from './Activity';
import type { FormStepState } from './formStepState';

/**
 * What both form steps show (the pinned form version in the best locale for the request, the
 * data, the translated field errors, the buttons); each adds its own `component` and parts.
 * `defaultSubmit` labels the button when the form's texts have no `submit`.
 */
export function formStepView(
  ctx: ViewContext,
  step: StepRecord<FormStepState>,
  lang: RequestLanguage,
  defaultSubmit: string,
) {
  const { state } = step;
  const definition: FormDefinition = findFormVersion(ctx.deps, {
    tenantId: ctx.instance.tenantId,
    name: state.formName,
    version: state.formVersion,
  }).definition;
  const bundles = definition.i18n ?? {};
  const locale = chooseLocale({
    available: Object.keys(bundles),
    lang: lang.lang,
    acceptLanguage: lang.acceptLanguage,
  });
  const form: FormSpec = {
    name: state.formName,
    version: state.formVersion,
    schema: definition.schema as Record<string, unknown>,
    uischema: (definition.uischema ?? {}) as Record<string, unknown>,
    texts: bundles[locale] ?? {},
  };
  const errors: FieldError[] = state.errors.map((e) => ({
    path: e.path,
    message: translateFieldError({ ...e, texts: form.texts }),
  }));
  return {
    ...ctx.base,
    locale,
    form,
    data: state.data,
    errors,
    submitLabel: form.texts.submit ?? defaultSubmit,
    hideButtons: state.hideButtons,
    delaySeconds: state.delaySeconds,
  };
}
