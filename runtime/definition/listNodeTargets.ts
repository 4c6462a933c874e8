import type { ProcessNode } from './ProcessDefinition';

/** Every node id a node can lead to (`next`, branch `to`, `on` values), each once, in order. */
export function listNodeTargets({ node }: { node: ProcessNode }): string[] {
  const targets: string[] = [];
  if (typeof node.next === 'string') targets.push(node.next);
  else if (Array.isArray(node.next)) targets.push(...node.next.map((branch) => branch.to));
  if (node.on !== undefined) targets.push(...Object.values(node.on));
  return [...new Set(targets)];
}
