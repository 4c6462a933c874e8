import { appendPointer } from '../../core/appendPointer';
import { isPlainObject } from '../../core/isPlainObject';
import { isForbiddenName } from '../expressions/isForbiddenName';
import { checkNodeRouting } from './checkNodeRouting';
import { checkProcessNode } from './checkProcessNode';
import { describeValue } from './describeValue';
import { isActivityType } from './isActivityType';
import type { ProcessNode } from './ProcessDefinition';
import type { ProcessDefinitionIssue } from './ProcessDefinitionIssue';

/** Node ids appear in targets, logs and context paths: keep them identifier-like. */
const NODE_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export type CheckProcessNodesOptions = {
  nodes: unknown;
  start: unknown;
  maxNodes: number;
};

export type CheckProcessNodesResult = {
  issues: ProcessDefinitionIssue[];
  /** Present only when types, routing and `start` are sound, so graph checks mean something. */
  graph?: { start: string; nodes: ReadonlyMap<string, ProcessNode> };
};

/**
 * Checks `nodes` and `start`: 1..maxNodes nodes with identifier-like ids, each node on its own
 * (checkProcessNode, checkNodeRouting), exactly one `start` node and `start` naming it.
 */
export function checkProcessNodes({
  nodes,
  start,
  maxNodes,
}: CheckProcessNodesOptions): CheckProcessNodesResult {
  if (!isPlainObject(nodes)) {
    return {
      issues: [
        nodes === undefined
          ? { path: '/nodes', message: 'missing "nodes"; expected an object of node id: node' }
          : {
              path: '/nodes',
              message: `received ${describeValue(nodes)}; expected an object of node id: node`,
            },
        ...checkStartField(start),
      ],
    };
  }
  const entries = Object.entries(nodes);
  // Bounds the work of every later check, and the engine's state per definition.
  if (entries.length === 0 || entries.length > maxNodes) {
    return {
      issues: [
        { path: '/nodes', message: `received ${entries.length} nodes; expected 1 to ${maxNodes}` },
        ...checkStartField(start),
      ],
    };
  }
  const nodeIds: ReadonlySet<string> = new Set(Object.keys(nodes));
  const issues: ProcessDefinitionIssue[] = [];
  let routable = true;
  for (const [id, node] of entries) {
    const path = appendPointer('/nodes', id);
    // rejectForbiddenKeys already reports __proto__, constructor and prototype.
    if (!NODE_ID.test(id) && !isForbiddenName(id)) {
      issues.push({
        path,
        message: `received node id ${describeValue(id)}; expected 1-64 letters, digits, "_" or "-" starting with a letter`,
      });
    }
    issues.push(...checkProcessNode({ node, path }));
    if (!isPlainObject(node) || !isActivityType(node.type)) {
      routable = false;
      continue;
    }
    const routingIssues = checkNodeRouting({ node, type: node.type, path, nodeIds });
    if (routingIssues.length > 0) routable = false;
    issues.push(...routingIssues);
  }
  const startIssues = checkStartNodes({ nodes, start });
  issues.push(...startIssues);
  if (!routable || startIssues.length > 0 || typeof start !== 'string') return { issues };
  // The checks above proved every node is an object with a known type and sound routing.
  const graph = new Map(entries as Array<[string, ProcessNode]>);
  return { issues, graph: { start, nodes: graph } };
}

function checkStartField(start: unknown): ProcessDefinitionIssue[] {
  if (typeof start === 'string') return [];
  return [
    {
      path: '/start',
      message: `${start === undefined ? 'missing "start"' : `received ${describeValue(start)}`}; expected the id of the start node`,
    },
  ];
}

function checkStartNodes({
  nodes,
  start,
}: {
  nodes: Record<string, unknown>;
  start: unknown;
}): ProcessDefinitionIssue[] {
  const startIds = Object.entries(nodes)
    .filter(([, node]) => isPlainObject(node) && node.type === 'start')
    .map(([id]) => id);
  const issues = checkStartField(start);
  const [first, ...extra] = startIds;
  if (first === undefined) {
    issues.push({
      path: '/nodes',
      message: 'received no node of type "start"; expected exactly one',
    });
  }
  // Two entry points would make `start` ambiguous for anyone reading the definition.
  for (const id of extra) {
    issues.push({
      path: `${appendPointer('/nodes', id)}/type`,
      message: `received a second "start" node (after "${first}"); expected exactly one`,
    });
  }
  if (typeof start !== 'string') return issues;
  if (!Object.hasOwn(nodes, start)) {
    issues.push({
      path: '/start',
      message: `received unknown node "${start}"; expected the id of the start node`,
    });
    return issues;
  }
  const node = nodes[start];
  if (isPlainObject(node) && node.type !== 'start') {
    issues.push({
      path: '/start',
      message: `received "${start}", a node of type ${describeValue(node.type)}; expected the id of the node of type "start"`,
    });
  }
  return issues;
}
