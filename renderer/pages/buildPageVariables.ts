import type { PageStepView } from '../../runtime/engine/StepView';
import type { PageVariables } from './PageProtocol';

/**
 * What the host answers a page's READY with (TrustX's `{sessionData, constants}`). Nothing
 * that grants anything goes in: no instance id, step id or capability ever enters the frame.
 */
export function buildPageVariables({ step }: { step: PageStepView }): PageVariables {
  return {
    sessionData: { locale: step.locale, title: step.title ?? null },
    constants: step.constants,
  };
}
