/** A node as the console draws it; `missing` marks a target that no node of the definition has. */
export interface GraphNode {
  id: string;
  type: string;
  label?: string;
  /** The form a form node shows, or the page a customPage node runs (a link in the console). */
  formName?: string;
  pageName?: string;
  missing?: true;
}

/** `next` (one target), `branch` (a guarded `next`, labelled with its `when`) or `event` (`on`). */
export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  kind: 'next' | 'branch' | 'event';
  label?: string;
}

export interface ProcessGraph {
  start?: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * The graph of a process definition as far as it can be read: an edit in progress (a node
 * without a type, a target that does not exist yet) still draws, so the editor's errors have a
 * node to stand at. Targets no node has become `missing` nodes.
 */
export function describeProcessGraph(definition: unknown): ProcessGraph {
  if (!isRecord(definition) || !isRecord(definition.nodes)) return { nodes: [], edges: [] };
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const [id, raw] of Object.entries(definition.nodes)) {
    const node = isRecord(raw) ? raw : {};
    const inputs = isRecord(node.inputs) ? node.inputs : {};
    const type = text(node.type) ?? '(no type)';
    nodes.push({
      id,
      type,
      ...(text(node.label) ? { label: text(node.label) } : {}),
      ...(type !== 'customPage' && text(inputs.formName)
        ? { formName: text(inputs.formName) }
        : {}),
      ...(type === 'customPage' && text(inputs.pageName)
        ? { pageName: text(inputs.pageName) }
        : {}),
    });
    if (typeof node.next === 'string') {
      edges.push({ id: `${id}:next`, from: id, to: node.next, kind: 'next' });
    } else if (Array.isArray(node.next)) {
      node.next.forEach((branch: unknown, index) => {
        if (!isRecord(branch) || typeof branch.to !== 'string') return;
        const when = text(branch.when);
        edges.push({
          id: `${id}:next:${index}`,
          from: id,
          to: branch.to,
          kind: 'branch',
          label: when ?? 'otherwise',
        });
      });
    }
    if (isRecord(node.on)) {
      for (const [event, to] of Object.entries(node.on)) {
        if (typeof to !== 'string') continue;
        edges.push({ id: `${id}:on:${event}`, from: id, to, kind: 'event', label: event });
      }
    }
  }
  const known = new Set(nodes.map((n) => n.id));
  for (const edge of edges) {
    if (known.has(edge.to)) continue;
    known.add(edge.to);
    nodes.push({ id: edge.to, type: 'missing', missing: true });
  }
  return { start: text(definition.start), nodes, edges };
}
