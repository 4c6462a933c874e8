import dagre from '@dagrejs/dagre';
import type { ProcessGraph } from './describeProcessGraph';

export interface Point {
  x: number;
  y: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  /** Node centres with their box size. */
  nodes: Map<string, Point & { width: number; height: number }>;
  /** Edge routes (by edge id) and where each edge's label sits. */
  edges: Map<string, { points: Point[]; label?: Point }>;
}

export const nodeWidth = 190;
export const nodeHeight = 54;

/**
 * A top-down layered layout (dagre) of a process graph. Loaded with import() by the graph view,
 * so the layout code stays out of the console's first screen.
 */
export function layoutProcessGraph(graph: ProcessGraph): GraphLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 60, edgesep: 20, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: nodeWidth, height: nodeHeight });
  for (const edge of graph.edges) {
    // Labelled edges get room for their label, so labels never sit on a node.
    const label = edge.label
      ? { width: Math.min(220, 7 * edge.label.length + 12), height: 18 }
      : {};
    g.setEdge(edge.from, edge.to, { ...label, labelpos: 'c' }, edge.id);
  }
  dagre.layout(g);
  const nodes: GraphLayout['nodes'] = new Map();
  for (const node of graph.nodes) {
    const placed = g.node(node.id);
    nodes.set(node.id, { x: placed.x, y: placed.y, width: nodeWidth, height: nodeHeight });
  }
  const edges: GraphLayout['edges'] = new Map();
  for (const edge of graph.edges) {
    const placed = g.edge(edge.from, edge.to, edge.id);
    const label = edge.label && placed.x !== undefined ? { x: placed.x, y: placed.y } : undefined;
    edges.set(edge.id, { points: placed.points ?? [], ...(label ? { label } : {}) });
  }
  const size = g.graph();
  return { width: size.width ?? 0, height: size.height ?? 0, nodes, edges };
}
