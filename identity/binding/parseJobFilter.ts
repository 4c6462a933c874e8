import { bindingJobStates, deliveryMethods } from '../../storage/BindingJobRecord';
import type { JobCondition, JobFilter } from '../../storage/createBindingJobRepository';
import { invalidField } from '../IdentityError';

const allowed: Record<JobCondition['attribute'], readonly string[]> = {
  state: bindingJobStates,
  delivery_method: deliveryMethods,
};
const condition = /^(state|delivery_method)\s+eq\s+"([A-Z_]+)"$/i;

/**
 * The subset of SCIM's filter grammar (RFC 7644 §3.4.2.2) Beyond Identity documents for jobs:
 * `attribute eq "VALUE"` on `state` and `delivery_method`, joined by `and` (binding tighter)
 * and `or`, e.g. `state eq "LINK_SENT" or state eq "LINK_OPENED" and delivery_method eq "EMAIL"`.
 */
export function parseJobFilter(text: string): JobFilter {
  return text
    .trim()
    .split(/\s+or\s+/i)
    .map((any) =>
      any.split(/\s+and\s+/i).map((term) => {
        const match = condition.exec(term.trim());
        if (!match) {
          throw invalidField(
            'querystring:/filter',
            `'${term.trim()}' is not 'state|delivery_method eq "VALUE"'`,
          );
        }
        const attribute = match[1]!.toLowerCase() as JobCondition['attribute'];
        const value = match[2]!.toUpperCase();
        if (!allowed[attribute].includes(value)) {
          throw invalidField(
            'querystring:/filter',
            `'${value}' is not a ${attribute}; expected one of ${allowed[attribute].join(', ')}`,
          );
        }
        return { attribute, value };
      }),
    );
}
