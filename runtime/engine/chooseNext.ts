import type { ProcessNode } from '../definition/ProcessDefinition';
import { evaluateCondition } from '../expressions/evaluateCondition';

/**
 * The node after `node`: its boundary for `event` if it has one, else the first `next`
 * branch whose `when` holds. `undefined` when nothing applies (the engine then fails).
 */
export function chooseNext({
  node,
  event,
  context,
}: {
  node: ProcessNode;
  event?: string | undefined;
  context: Record<string, unknown>;
}) {
  if (event !== undefined && node.on && Object.hasOwn(node.on, event)) return node.on[event];
  const { next } = node;
  if (typeof next === 'string' || next === undefined) return next;
  return next.find(
    (branch) =>
      branch.when === undefined || evaluateCondition({ expression: branch.when, context }),
  )?.to;
}
