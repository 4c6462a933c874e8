import { Button } from '../../ui/Button';
import type { GraphEdge, ProcessGraph } from './describeProcessGraph';
import { FormVersionSelect } from './FormVersionSelect';
import type { FieldIssue } from './issuesByNode';

/**
 * The graph as a list (for keyboard and screen-reader users, and for anyone reading edges):
 * each node with its type, its errors beside it, its outgoing edges, a link to its form or
 * page, and for a form node the form version it shows.
 */
export function ProcessNodeList({
  graph,
  issues,
  navigate,
  formVersions,
  onFormVersion,
}: {
  graph: ProcessGraph;
  issues: Map<string, FieldIssue[]>;
  navigate: (path: string) => void;
  /** Per node id, the `formVersion` input as written (undefined: the latest). */
  formVersions: Map<string, unknown>;
  onFormVersion: (nodeId: string, version: number | undefined) => void;
}) {
  const outgoing = (id: string) => graph.edges.filter((e) => e.from === id);
  return (
    <section aria-label="Nodes and edges" className="kc-node-list">
      <h3>Nodes and edges</h3>
      <ul>
        {graph.nodes.map((node) => {
          const errors = issues.get(node.id) ?? [];
          return (
            <li
              key={node.id}
              aria-label={`Node ${node.id}`}
              data-invalid={errors.length > 0 || undefined}
            >
              <strong>{node.label ?? node.id}</strong> <code>{node.id}</code>{' '}
              <span>({node.missing ? 'missing: no node has this id' : node.type})</span>
              {node.id === graph.start && <span> — start</span>}
              {errors.length > 0 && (
                <ul aria-label={`Errors at node ${node.id}`} className="kc-node-errors">
                  {errors.map((e) => (
                    <li key={`${e.path}:${e.message}`} className="kc-field-error">
                      Error at {e.path}: {e.message}
                    </li>
                  ))}
                </ul>
              )}
              {outgoing(node.id).length > 0 && (
                <ul aria-label={`Edges from ${node.id}`}>
                  {outgoing(node.id).map((edge) => (
                    <li key={edge.id}>{describeEdge(edge)}</li>
                  ))}
                </ul>
              )}
              {node.formName && (
                <div className="kc-node-form">
                  <Button
                    onClick={() =>
                      navigate(`/console/forms/${encodeURIComponent(node.formName ?? '')}`)
                    }
                  >
                    {`Open form ${node.formName}`}
                  </Button>{' '}
                  <FormVersionSelect
                    nodeId={node.id}
                    formName={node.formName}
                    value={formVersions.get(node.id)}
                    onChange={(version) => onFormVersion(node.id, version)}
                  />
                </div>
              )}
              {node.pageName && (
                <Button
                  onClick={() =>
                    navigate(`/console/pages/${encodeURIComponent(node.pageName ?? '')}`)
                  }
                >
                  {`Open page ${node.pageName}`}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "next → decide", "when ${...} → end", "on userCancelled → retry". */
export function describeEdge(edge: GraphEdge) {
  if (edge.kind === 'event') return `on ${edge.label} → ${edge.to}`;
  if (edge.kind === 'branch') {
    return edge.label === 'otherwise'
      ? `otherwise → ${edge.to}`
      : `when ${edge.label} → ${edge.to}`;
  }
  return `next → ${edge.to}`;
}
