import { randomId } from '../../core/randomId';
import type { InstanceRecord, StepRecord } from '../../storage/InstanceRecord';
import type { ProcessDefinition } from '../definition/ProcessDefinition';
import type { RuntimeDeps } from '../RuntimeDeps';
import type { Outcome, ViewContext } from './activities/Activity';
import { type ConfigurationFailure, findConfigurationFailure } from './findConfigurationFailure';
import { nodeContext } from './nodeContext';
import { recordHistory } from './recordHistory';
import type { EndStepView, RequestLanguage } from './StepView';

/** What an end step pins: how the journey ended and the end node's own words, if any. */
export interface EndStepState {
  outcome: EndStepView['outcome'];
  /** The end node's `message` or `failureMessage` for the outcome; null: the default. */
  message: string | null;
  redirectUrl: string | null;
}

type Failure = NonNullable<Outcome['failure']> | ConfigurationFailure;

/** What an end says when its node has no message of its own (and always on a failure). */
const defaultMessages: Record<EndStepView['outcome'], string> = {
  success: 'Your passkey was registered successfully.',
  failure:
    'Your passkey could not be registered. Please start again from your link, or contact the service that sent it.',
  // Starting again fails the same way: only the service that sent the link can fix it.
  misconfigured:
    'This registration link is not set up correctly, so no passkey can be registered with it. Please contact the service that sent it.',
};

/** The engine's own step: how a journey ends, and the end's view. */
export const endStep = {
  /**
   * Reach an end at the cursor: success unless the decision (or a failure without a decider)
   * says otherwise. A misconfigured journey says so, and offers no "start again": the same link
   * fails the same way.
   */
  async finish(
    deps: RuntimeDeps,
    instance: InstanceRecord,
    definition: ProcessDefinition,
    failure?: Failure,
  ): Promise<InstanceRecord> {
    const node = definition.nodes[instance.cursor];
    const entry = failure && (findConfigurationFailure({ node, failure }) ?? failure);
    if (entry) {
      instance.failures.push({ nodeId: instance.cursor, ...entry });
      instance.decision = 'FAIL';
      instance.context._decision = 'FAIL';
    }
    const inputs =
      node?.type === 'end'
        ? (await nodeContext(deps, instance, definition, instance.cursor)).inputs
        : {};
    const failed = instance.decision === 'FAIL';
    instance.state = failed ? 'FAILED' : 'COMPLETED';
    const misconfigured = entry !== undefined && 'configuration' in entry;
    const step: StepRecord<EndStepState> = {
      stepId: randomId(deps),
      nodeId: instance.cursor,
      component: 'end',
      state: {
        outcome: misconfigured ? 'misconfigured' : failed ? 'failure' : 'success',
        message: ownMessage(
          inputs,
          misconfigured ? 'misconfigured' : failed ? 'failure' : 'success',
        ),
        redirectUrl: typeof inputs.redirectUrl === 'string' ? inputs.redirectUrl : null,
      },
      createdAt: deps.now(),
    };
    instance.step = step;
    recordHistory(deps, instance, { nodeId: instance.cursor, type: 'end', note: instance.state });
    return instance;
  },

  view(ctx: ViewContext, step: StepRecord<EndStepState>, lang: RequestLanguage): EndStepView {
    const { outcome, message, redirectUrl } = step.state;
    return {
      ...ctx.base,
      component: 'end',
      locale: lang.lang ?? 'en',
      outcome,
      message: message ?? defaultMessages[outcome],
      decision: ctx.instance.decision,
      redirectUrl,
    };
  },
};

/** The end node's own words for `outcome`: a misconfigured journey always gets the default. */
function ownMessage(inputs: Record<string, unknown>, outcome: EndStepView['outcome']) {
  const own = outcome === 'success' ? inputs.message : inputs.failureMessage;
  return outcome !== 'misconfigured' && typeof own === 'string' ? own : null;
}
