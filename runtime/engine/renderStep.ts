import type { FormDefinition } from '../../forms/FormDefinition';
import { findFormVersion } from '../../forms/findFormVersion';
import type { InstanceRecord, StepRecord } from '../../storage/InstanceRecord';
import type { ProcessDefinition } from '../definition/ProcessDefinition';
import type { RuntimeDeps } from '../RuntimeDeps';
import { chooseLocale } from './chooseLocale';
import type { EndStepView, FieldError, FormSpec, StepView } from './StepView';
import { translateFieldError } from './translateFieldError';

type Lang = { lang?: string | undefined; acceptLanguage?: string | undefined };

const defaultSubmit = { form: 'Continue', passkeyForm: 'Submit for Registration' } as const;

const endOutcomes = ['success', 'failure', 'misconfigured'] as const;
const defaultEndMessage: Record<EndStepView['outcome'], string> = {
  success: 'Your passkey was registered successfully.',
  failure:
    'Your passkey could not be registered. Please start again from your link, or contact the service that sent it.',
  // Starting again fails the same way: only the service that sent the link can fix it.
  misconfigured:
    'This registration link is not set up correctly, so no passkey can be registered with it. Please contact the service that sent it.',
};

/** The browser's view of the instance's current step, in the best locale for the request. */
export function renderStep(
  deps: Pick<RuntimeDeps, 'forms'>,
  {
    instance,
    definition,
    lang,
  }: { instance: InstanceRecord; definition: ProcessDefinition; lang?: Lang },
): StepView {
  const step = instance.step!;
  const title = definition.nodes[step.nodeId]?.label;
  const base = { stepId: step.stepId, instanceId: instance.id, ...(title ? { title } : {}) };
  const s = step.state;
  if (step.component === 'end') {
    const outcome = endOutcomes.find((o) => o === s.outcome) ?? 'failure';
    return {
      ...base,
      component: 'end',
      locale: lang?.lang ?? 'en',
      outcome,
      message: (s.message as string | null) ?? defaultEndMessage[outcome],
      decision: instance.decision,
      redirectUrl: (s.redirectUrl as string | null) ?? null,
    };
  }
  if (step.component === 'page') {
    return {
      ...base,
      component: 'page',
      locale: lang?.lang ?? 'en',
      pageUrl: String(s.pageUrl),
      constants: (s.constants as Record<string, unknown>) ?? {},
      ceremony: s.creationOptions ? { creationOptions: s.creationOptions as never } : null,
    };
  }
  const { spec, locale } = formSpecOf(deps, instance.tenantId, step, lang);
  const common = {
    ...base,
    locale,
    form: spec,
    data: (s.data as Record<string, unknown>) ?? {},
    errors: ((s.errors as Array<FieldError & { keyword?: string }>) ?? []).map((e) => ({
      path: e.path,
      message: translateFieldError({ ...e, texts: spec.texts }),
    })),
    submitLabel: spec.texts.submit ?? defaultSubmit[step.component],
    hideButtons: s.hideButtons === true,
    delaySeconds: typeof s.delaySeconds === 'number' ? s.delaySeconds : 0,
  };
  if (step.component === 'form')
    return { ...common, component: 'form', readonly: s.readonly === true };
  return {
    ...common,
    component: 'passkeyForm',
    ceremony:
      s.phase === 'ceremony' && s.creationOptions
        ? { creationOptions: s.creationOptions as never }
        : null,
    expiresAt: typeof s.expiresAt === 'number' ? new Date(s.expiresAt).toISOString() : null,
  };
}

function formSpecOf(
  deps: Pick<RuntimeDeps, 'forms'>,
  tenantId: string,
  step: StepRecord,
  lang?: Lang,
) {
  const name = String(step.state.formName);
  const version = Number(step.state.formVersion);
  const definition: FormDefinition = findFormVersion(deps, { tenantId, name, version }).definition;
  const bundles = definition.i18n ?? {};
  const locale = chooseLocale({
    available: Object.keys(bundles),
    lang: lang?.lang,
    acceptLanguage: lang?.acceptLanguage,
  });
  const spec: FormSpec = {
    name,
    version,
    schema: definition.schema as Record<string, unknown>,
    uischema: (definition.uischema ?? {}) as Record<string, unknown>,
    texts: bundles[locale] ?? {},
  };
  return { spec, locale };
}
