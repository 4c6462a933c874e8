import { useEffect, useId, useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { GraphEdge, GraphNode, ProcessGraph } from './describeProcessGraph';
import type { FieldIssue } from './issuesByNode';
import type { GraphLayout, Point } from './layoutProcessGraph';

type Layout = typeof import('./layoutProcessGraph');
let layoutModule: Promise<Layout> | undefined;
// dagre is loaded the first time a graph is drawn, once for the whole console.
const loadLayout = () => {
  layoutModule ??= import('./layoutProcessGraph');
  return layoutModule;
};

const messageWidth = 330;
const fills: Record<string, string> = {
  start: '#e6f4ea',
  end: '#e8eaf6',
  missing: '#ffffff',
  simpleDecider: '#fff4e5',
};

/**
 * The process drawn in SVG with an automatic layout: nodes (type and label), `next` edges,
 * branches labelled with their `when`, boundary events as dashed labelled edges. A node the
 * API's errors point into is outlined in red with its message beside it. The SVG is one image
 * with a title and a description; the node list beside it says the same for keyboard and
 * screen-reader users.
 */
export function ProcessGraphView({
  name,
  graph,
  issues,
}: {
  name: string;
  graph: ProcessGraph;
  issues: Map<string, FieldIssue[]>;
}) {
  const [layout, setLayout] = useState<GraphLayout>();
  const [error, setError] = useState<unknown>();
  const titleId = useId();
  const descId = useId();

  useEffect(() => {
    let cancelled = false;
    loadLayout()
      .then((m) => {
        if (!cancelled) setLayout(m.layoutProcessGraph(graph));
      })
      .catch((e: unknown) => setError(e));
    return () => {
      cancelled = true;
    };
  }, [graph]);

  if (error) return <ErrorNotice error={error} />;
  if (!layout) return <p>Drawing the graph…</p>;
  const width = layout.width + (issues.size > 0 ? messageWidth : 0);
  return (
    <svg
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${width} ${layout.height}`}
      width={width}
      height={layout.height}
      className="kc-process-graph"
    >
      <title id={titleId}>{`Graph of process ${name}`}</title>
      <desc id={descId}>{describeForReaders(graph, issues)}</desc>
      <defs>
        <marker
          id={`${titleId}-arrow`}
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#333" />
        </marker>
      </defs>
      {graph.edges.map((edge) => (
        <EdgeShape
          key={edge.id}
          edge={edge}
          route={layout.edges.get(edge.id)}
          marker={`${titleId}-arrow`}
        />
      ))}
      {graph.nodes.map((node) => (
        <NodeShape
          key={node.id}
          node={node}
          isStart={node.id === graph.start}
          box={layout.nodes.get(node.id)}
          issues={issues.get(node.id) ?? []}
        />
      ))}
    </svg>
  );
}

function EdgeShape({
  edge,
  route,
  marker,
}: {
  edge: GraphEdge;
  route: { points: Point[]; label?: Point } | undefined;
  marker: string;
}) {
  if (!route || route.points.length === 0) return null;
  const d = route.points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
  return (
    <g data-edge={edge.id}>
      <path
        d={d}
        fill="none"
        stroke={edge.kind === 'event' ? '#8a4b00' : '#333'}
        strokeWidth={1.5}
        strokeDasharray={edge.kind === 'event' ? '6 4' : undefined}
        markerEnd={`url(#${marker})`}
      />
      {edge.label && route.label && (
        <text
          x={route.label.x}
          y={route.label.y + 4}
          textAnchor="middle"
          fontSize={12}
          fill={edge.kind === 'event' ? '#6b3a00' : '#1a1a1a'}
          stroke="#fff"
          strokeWidth={4}
          paintOrder="stroke"
        >
          {edge.kind === 'event' ? `on ${edge.label}` : edge.label}
        </text>
      )}
    </g>
  );
}

function NodeShape({
  node,
  isStart,
  box,
  issues,
}: {
  node: GraphNode;
  isStart: boolean;
  box: { x: number; y: number; width: number; height: number } | undefined;
  issues: FieldIssue[];
}) {
  if (!box) return null;
  const left = box.x - box.width / 2;
  const top = box.y - box.height / 2;
  const invalid = issues.length > 0;
  return (
    <g data-node={node.id} data-invalid={invalid || undefined}>
      <rect
        x={left}
        y={top}
        width={box.width}
        height={box.height}
        rx={node.type === 'start' || node.type === 'end' ? 27 : 6}
        fill={fills[node.type] ?? '#f1f5fb'}
        stroke={invalid ? '#c00' : node.missing ? '#666' : '#335'}
        strokeWidth={invalid ? 3 : isStart ? 2 : 1}
        strokeDasharray={node.missing ? '4 3' : undefined}
      />
      <text x={box.x} y={top + 20} textAnchor="middle" fontSize={11} fill="#333">
        {node.missing ? 'missing node' : node.type}
      </text>
      <text x={box.x} y={top + 40} textAnchor="middle" fontSize={13} fill="#111" fontWeight={600}>
        {shorten(node.label ? `${node.label} (${node.id})` : node.id, 28)}
      </text>
      {issues.map((issue, i) => (
        <text
          key={`${issue.path}:${issue.message}`}
          x={left + box.width + 12}
          y={top + 16 + i * 16}
          fontSize={12}
          fill="#a00"
        >
          {shorten(`${issue.path}: ${issue.message}`, 52)}
        </text>
      ))}
    </g>
  );
}

function shorten(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function describeForReaders(graph: ProcessGraph, issues: Map<string, FieldIssue[]>) {
  const invalid = [...issues.keys()];
  return [
    `${graph.nodes.length} nodes and ${graph.edges.length} edges, starting at ${graph.start ?? 'no start node'}.`,
    invalid.length > 0 ? `Nodes with errors: ${invalid.join(', ')}.` : '',
    'The list of nodes and edges beside the graph says the same.',
  ]
    .filter(Boolean)
    .join(' ');
}
