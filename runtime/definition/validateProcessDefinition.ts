import { detachUntrustedJson } from '../../core/detachUntrustedJson';
import { isPlainObject } from '../../core/isPlainObject';
import { rejectForbiddenKeys } from '../../forms/rejectForbiddenKeys';
import { validatePlainText } from '../../forms/validatePlainText';
import { checkProcessGraph } from './checkProcessGraph';
import { checkProcessNodes } from './checkProcessNodes';
import { describeValue } from './describeValue';
import { isDefinitionName } from './isDefinitionName';
import type { ProcessDefinition } from './ProcessDefinition';
import type { ProcessDefinitionIssue } from './ProcessDefinitionIssue';
import { rejectUnknownKeys } from './rejectUnknownKeys';

const TOP_LEVEL_KEYS = ['name', 'description', 'start', 'nodes'];
const MAX_DESCRIPTION_LENGTH = 1000;

export type ValidateProcessDefinitionOptions = {
  /** The untrusted upload, typically straight from `JSON.parse`. */
  definition: unknown;
  /** Cap on the UTF-8 size of the definition's JSON serialisation. */
  maxBytes?: number;
  /** Cap on the number of nodes. */
  maxNodes?: number;
  /** Cap on object/array nesting; bounds serialisation and every recursive check that follows. */
  maxDepth?: number;
};

export type ValidateProcessDefinitionResult =
  | { ok: true; value: ProcessDefinition }
  | { ok: false; errors: ProcessDefinitionIssue[] };

/**
 * Validates an uploaded process definition (DESIGN §5) and returns a detached copy. Never throws
 * for bad input: every problem found comes back as `{path, message}`. Graph rules (reachability,
 * no trap, no automatic cycle) run only once types, targets and `start` are sound, since on a
 * broken graph they would only repeat the same mistake.
 */
export function validateProcessDefinition({
  definition,
  maxBytes = 256 * 1024,
  maxNodes = 200,
  maxDepth = 32,
}: ValidateProcessDefinitionOptions): ValidateProcessDefinitionResult {
  const detached = detachUntrustedJson({ value: definition, maxBytes, maxDepth });
  if (!detached.ok) return invalid([detached.issue]);
  const copy = detached.copy;
  // Every later rule addresses named members of a definition object.
  if (!isPlainObject(copy)) {
    return invalid([
      {
        path: '',
        message: `received ${describeValue(copy)}; expected a process definition object`,
      },
    ]);
  }
  const issues = [
    ...rejectForbiddenKeys({ value: copy }),
    ...rejectUnknownKeys({ value: copy, path: '', allowed: TOP_LEVEL_KEYS, what: 'top-level' }),
    ...checkName(copy.name),
  ];
  if (copy.description !== undefined) {
    issues.push(
      ...validatePlainText({
        value: copy.description,
        path: '/description',
        maxLength: MAX_DESCRIPTION_LENGTH,
      }),
    );
  }
  const { issues: nodeIssues, graph } = checkProcessNodes({
    nodes: copy.nodes,
    start: copy.start,
    maxNodes,
  });
  issues.push(...nodeIssues);
  if (graph !== undefined) issues.push(...checkProcessGraph(graph));
  if (issues.length > 0) return invalid(issues);
  // The checks above proved the shape ProcessDefinition describes (of the copy, still unknown).
  return { ok: true, value: detached.copy as ProcessDefinition };
}

function checkName(name: unknown): ProcessDefinitionIssue[] {
  if (isDefinitionName(name)) return [];
  return [
    {
      path: '/name',
      message: `${name === undefined ? 'missing "name"' : `received ${describeValue(name)}`}; expected 1-64 letters, digits, "_", "." or "-" starting with a letter or digit`,
    },
  ];
}

function invalid(errors: ProcessDefinitionIssue[]): {
  ok: false;
  errors: ProcessDefinitionIssue[];
} {
  return { ok: false, errors };
}
