import type { RuntimeDeps } from '../RuntimeDeps';
import { RuntimeError } from '../RuntimeError';
import { judgeFormData } from './activities/formStepState';
import { contextFor } from './advanceInstance';
import { openInstance } from './openInstance';
import { renderStep } from './renderStep';
import type { FieldError } from './StepView';

type Lang = { lang?: string | undefined; acceptLanguage?: string | undefined };

/**
 * A dry run of submitting `data` to form step `stepId`: the field errors a submit would answer
 * with, judged by the same code (judgeFormData) and translated the same way (renderStep), so
 * a browser whose CSP stops ajv can show them before submitting. Nothing is written: the
 * instance keeps its step, its data and its attempts. Oversized data is refused as on submit.
 */
export async function checkStepData(
  deps: RuntimeDeps,
  {
    instanceId,
    capability,
    stepId,
    data,
    lang,
  }: {
    instanceId: string;
    capability: string | undefined;
    stepId: string;
    data: unknown;
    lang?: Lang;
  },
): Promise<FieldError[]> {
  const { instance, definition } = await openInstance(deps, { instanceId, capability });
  const step = instance.step;
  if (!step || step.stepId !== stepId) {
    throw new RuntimeError(
      'STEP_STALE',
      'this page is out of date: the registration has moved on',
      {
        details: { currentStepId: step?.stepId ?? null },
      },
    );
  }
  if (instance.state !== 'RUNNING' || step.component === 'end') {
    throw new RuntimeError('INSTANCE_ENDED', 'this registration has already ended');
  }
  // Only form steps judge data; a custom page's parameters are its own page's business.
  if (
    (step.component !== 'form' && step.component !== 'passkeyForm') ||
    !definition.nodes[step.nodeId]
  ) {
    throw new RuntimeError('ACTION_NOT_ALLOWED', 'this step takes no form data');
  }
  const judged = judgeFormData(contextFor(deps, instance, definition, step.nodeId), step, data);
  if (judged.ok) return [];
  // Rendered from a copy, exactly as a 400 submit renders its step: the same messages.
  const view = renderStep(deps, { instance: { ...instance, step: judged.step }, definition, lang });
  return 'errors' in view ? view.errors : [];
}
