import { appendPointer } from '../../core/appendPointer';
import { isPlainObject } from '../../core/isPlainObject';
import { findTemplateErrors } from '../expressions/findTemplateErrors';
import { isForbiddenName } from '../expressions/isForbiddenName';
import { describeValue } from './describeValue';
import { isSingleExpression } from './isSingleExpression';
import { type ActivityType, activitySpecs } from './ProcessDefinition';
import type { ProcessDefinitionIssue } from './ProcessDefinitionIssue';
import { rejectUnknownKeys } from './rejectUnknownKeys';

const BRANCH_KEYS = ['when', 'to'];

export type CheckNodeRoutingOptions = {
  node: Record<string, unknown>;
  type: ActivityType;
  /** JSON pointer of the node in the upload. */
  path: string;
  /** Ids of every node in the definition: each target must be one of them. */
  nodeIds: ReadonlySet<string>;
};

/**
 * Checks where a node leads: `end` nodes lead nowhere; every other node has a `next` (an id or
 * a non-empty list of `{when?, to}` branches, a branch without `when` being the default and
 * last); `on` maps only events the activity raises; every target names an existing node.
 */
export function checkNodeRouting({
  node,
  type,
  path,
  nodeIds,
}: CheckNodeRoutingOptions): ProcessDefinitionIssue[] {
  if (type === 'end') {
    // The end step finishes the instance: nothing after it could ever run.
    return ['next', 'on']
      .filter((key) => Object.hasOwn(node, key))
      .map((key) => ({
        path: `${path}/${key}`,
        message: `received "${key}" on an end node; expected none, an end node finishes the process`,
      }));
  }
  return [
    ...checkNext({ next: node.next, path: `${path}/next`, nodeIds }),
    ...checkOn({ on: node.on, type, path: `${path}/on`, nodeIds }),
  ];
}

function checkNext({
  next,
  path,
  nodeIds,
}: {
  next: unknown;
  path: string;
  nodeIds: ReadonlySet<string>;
}): ProcessDefinitionIssue[] {
  // Without a next node the engine would have nowhere to go after this step.
  if (next === undefined) {
    return [
      { path, message: 'missing "next"; expected a node id or a list of {when?, to} branches' },
    ];
  }
  if (typeof next === 'string') return checkTarget({ target: next, path, nodeIds });
  if (!Array.isArray(next) || next.length === 0) {
    return [
      {
        path,
        message: `received ${Array.isArray(next) ? 'an empty list' : describeValue(next)}; expected a node id or a non-empty list of {when?, to} branches`,
      },
    ];
  }
  return next.flatMap((branch, index) =>
    checkBranch({ branch, path: `${path}/${index}`, isLast: index === next.length - 1, nodeIds }),
  );
}

function checkBranch({
  branch,
  path,
  isLast,
  nodeIds,
}: {
  branch: unknown;
  path: string;
  isLast: boolean;
  nodeIds: ReadonlySet<string>;
}): ProcessDefinitionIssue[] {
  if (!isPlainObject(branch)) {
    return [{ path, message: `received ${describeValue(branch)}; expected a {when?, to} branch` }];
  }
  const issues = [
    ...rejectUnknownKeys({ value: branch, path, allowed: BRANCH_KEYS, what: 'branch' }),
    ...checkTarget({ target: branch.to, path: `${path}/to`, nodeIds }),
  ];
  if (branch.when !== undefined) {
    issues.push(...checkWhen({ when: branch.when, path: `${path}/when` }));
  } else if (!isLast) {
    // Branches are tried in order, so a default before the end would hide every later branch.
    issues.push({
      path,
      message:
        'received a branch without "when" before the last; expected the default branch (no "when") to come last',
    });
  }
  return issues;
}

function checkWhen({ when, path }: { when: unknown; path: string }): ProcessDefinitionIssue[] {
  // Plain text is always truthy and would make the branch an unannounced default.
  if (!isSingleExpression(when)) {
    return [
      { path, message: `received ${describeValue(when)}; expected one "\${...}" expression` },
    ];
  }
  return findTemplateErrors(when).map((error) => ({ path, message: error.message }));
}

function checkOn({
  on,
  type,
  path,
  nodeIds,
}: {
  on: unknown;
  type: ActivityType;
  path: string;
  nodeIds: ReadonlySet<string>;
}): ProcessDefinitionIssue[] {
  if (on === undefined) return [];
  if (!isPlainObject(on)) {
    return [
      { path, message: `received ${describeValue(on)}; expected an object of event: node id` },
    ];
  }
  const { events } = activitySpecs[type];
  const issues: ProcessDefinitionIssue[] = [];
  for (const [event, target] of Object.entries(on)) {
    const eventPath = appendPointer(path, event);
    // rejectForbiddenKeys reports these for the whole upload.
    if (isForbiddenName(event)) continue;
    if (!events.includes(event)) {
      issues.push({
        path: eventPath,
        message: `received event "${event}", which a ${type} node does not raise; expected ${events.length > 0 ? `one of ${events.join(', ')}` : 'no events'}`,
      });
      continue;
    }
    issues.push(...checkTarget({ target, path: eventPath, nodeIds }));
  }
  return issues;
}

function checkTarget({
  target,
  path,
  nodeIds,
}: {
  target: unknown;
  path: string;
  nodeIds: ReadonlySet<string>;
}): ProcessDefinitionIssue[] {
  if (typeof target !== 'string') {
    return [{ path, message: `received ${describeValue(target)}; expected a node id` }];
  }
  // A dangling target would strand the instance at run time.
  if (!nodeIds.has(target)) {
    return [
      { path, message: `received unknown node "${target}"; expected the id of a node in /nodes` },
    ];
  }
  return [];
}
