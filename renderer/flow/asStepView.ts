import type { StepView } from '../../runtime/engine/StepView';

/**
 * Accepts anything shaped like a step. The component is not checked against the known
 * ones on purpose: an unknown component reaches the fallback screen instead of an error.
 */
export function asStepView(value: unknown): StepView | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { stepId, instanceId, component } = value as Record<string, unknown>;
  if (typeof stepId !== 'string' || typeof instanceId !== 'string') return null;
  if (typeof component !== 'string') return null;
  return value as StepView;
}
