import { isPlainObject } from '../../core/isPlainObject';
import { validatePlainText } from '../../forms/validatePlainText';
import { checkNodeInputs } from './checkNodeInputs';
import { describeValue } from './describeValue';
import { isActivityType } from './isActivityType';
import { activityTypes } from './ProcessDefinition';
import type { ProcessDefinitionIssue } from './ProcessDefinitionIssue';
import { rejectUnknownKeys } from './rejectUnknownKeys';

const NODE_KEYS = ['type', 'inputs', 'next', 'on', 'label'];
/** Labels title the renderer's page and the admin view: short, inert text. */
const MAX_LABEL_LENGTH = 100;

export type CheckProcessNodeOptions = {
  node: unknown;
  /** JSON pointer of the node in the upload. */
  path: string;
};

/**
 * Checks one node apart from where it leads (see checkNodeRouting): an object with known keys,
 * a known activity `type`, a plain-text `label`, and `inputs` that fit the activity.
 */
export function checkProcessNode({
  node,
  path,
}: CheckProcessNodeOptions): ProcessDefinitionIssue[] {
  // Every other rule reads members of the node.
  if (!isPlainObject(node)) {
    return [
      {
        path,
        message: `received ${describeValue(node)}; expected a node object {type, inputs?, next?, on?, label?}`,
      },
    ];
  }
  const issues = rejectUnknownKeys({ value: node, path, allowed: NODE_KEYS, what: 'node' });
  if (node.label !== undefined) {
    issues.push(
      ...validatePlainText({
        value: node.label,
        path: `${path}/label`,
        maxLength: MAX_LABEL_LENGTH,
      }),
    );
  }
  // Inputs are defined per activity, so they cannot be judged without a known type.
  if (!isActivityType(node.type)) {
    issues.push({
      path: `${path}/type`,
      message: `received ${describeValue(node.type)}; expected one of ${activityTypes.join(', ')}`,
    });
    return issues;
  }
  issues.push(...checkNodeInputs({ type: node.type, inputs: node.inputs, path }));
  return issues;
}
