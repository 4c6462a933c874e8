/** One error of the API at a JSON pointer into the definition (`details.fields`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The API's errors grouped by the node they point into (`/nodes/<id>/...`, RFC 6901 escapes
 * undone), so the graph can mark the node and show the message beside it; the rest (`/name`,
 * `/start`, the whole definition) are `general`.
 */
export function issuesByNode(issues: readonly FieldIssue[]): {
  byNode: Map<string, FieldIssue[]>;
  general: FieldIssue[];
} {
  const byNode = new Map<string, FieldIssue[]>();
  const general: FieldIssue[] = [];
  for (const issue of issues) {
    const match = /^\/nodes\/([^/]+)/.exec(issue.path);
    if (!match?.[1]) {
      general.push(issue);
      continue;
    }
    const id = match[1].replaceAll('~1', '/').replaceAll('~0', '~');
    byNode.set(id, [...(byNode.get(id) ?? []), issue]);
  }
  return { byNode, general };
}
