import type { AutomaticActivity } from './Activity';
import { bool } from './inputOf';

/**
 * Decide PASS or FAIL: from `deriveDecisionFrom` when given (true/'PASS' pass, false/'FAIL'
 * fail, any other text is the decision), else FAIL on any recorded failure.
 */
export const simpleDeciderActivity: AutomaticActivity = {
  kind: 'automatic',
  async run({ instance, inputs }) {
    let decision: string;
    if (inputs.deriveDecisionFrom !== undefined) {
      const value = inputs.deriveDecisionFrom;
      decision =
        value === true || value === 'PASS'
          ? 'PASS'
          : value === false || value === 'FAIL' || value == null
            ? 'FAIL'
            : String(value);
    } else {
      const onAnyFailure = bool(inputs.decisionOnAnyFailure) ?? true;
      decision = onAnyFailure && instance.failures.length > 0 ? 'FAIL' : 'PASS';
    }
    instance.decision = decision;
    instance.context._decision = decision;
    return {};
  },
};
