import { appendPointer } from '../../core/appendPointer';
import { findAutomaticCycles } from './findAutomaticCycles';
import { listNodeTargets } from './listNodeTargets';
import { type ProcessNode, userStepTypes } from './ProcessDefinition';
import type { ProcessDefinitionIssue } from './ProcessDefinitionIssue';

export type CheckProcessGraphOptions = {
  /** Id of the start node. */
  start: string;
  /** Nodes whose types and targets are already known to be valid (see checkProcessNodes). */
  nodes: ReadonlyMap<string, ProcessNode>;
};

/**
 * Checks the graph over every edge (`next`, branches, `on`): each node is reachable from start,
 * an `end` is reachable from start and from every reachable node (no trap an instance could
 * never leave), and no cycle runs through automatic activities only.
 */
export function checkProcessGraph({
  start,
  nodes,
}: CheckProcessGraphOptions): ProcessDefinitionIssue[] {
  const successors = new Map([...nodes].map(([id, node]) => [id, listNodeTargets({ node })]));
  const predecessors = new Map<string, string[]>([...nodes.keys()].map((id) => [id, []]));
  for (const [id, targets] of successors) {
    for (const target of targets) predecessors.get(target)?.push(id);
  }
  const ends = [...nodes].filter(([, node]) => node.type === 'end').map(([id]) => id);
  const reachable = walk({ from: [start], edges: successors });
  const leadsToEnd = walk({ from: ends, edges: predecessors });
  const issues: ProcessDefinitionIssue[] = [];

  for (const id of nodes.keys()) {
    if (reachable.has(id)) continue;
    issues.push({
      path: appendPointer('/nodes', id),
      message: `node "${id}" is not reachable from start node "${start}"; expected every node to be reachable`,
    });
  }
  if (ends.length === 0) {
    issues.push({
      path: '/nodes',
      message: 'received no node of type "end"; expected at least one',
    });
  } else if (!leadsToEnd.has(start)) {
    // One issue here, rather than one for every node, when the whole journey has no way out.
    issues.push({
      path: '/start',
      message: `no end node (${ends.join(', ')}) is reachable from start node "${start}"; expected a path to one`,
    });
  } else {
    for (const id of reachable) {
      if (leadsToEnd.has(id)) continue;
      issues.push({
        path: appendPointer('/nodes', id),
        message: `no end node is reachable from node "${id}", so an instance there could never finish; expected a path to an end node`,
      });
    }
  }
  for (const cycle of findAutomaticCycles({ nodes, successors })) {
    const loop = [...cycle, cycle[0]].join(' → ');
    issues.push({
      path: appendPointer('/nodes', cycle[0]!),
      message: `nodes ${loop} form a cycle without a user step, which could run the engine forever; expected every cycle to pass through a user step (${[...userStepTypes].join(', ')})`,
    });
  }
  return issues;
}

function walk({
  from,
  edges,
}: {
  from: ReadonlyArray<string>;
  edges: ReadonlyMap<string, ReadonlyArray<string>>;
}): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  for (let head = 0; head < queue.length; head++) {
    for (const target of edges.get(queue[head]!) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}
