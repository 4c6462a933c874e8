import { appendPointer } from '../core/appendPointer';
import { compileLinearPattern, MAX_PATTERN_PROGRAM_SIZE } from './compileLinearPattern';
import type { FormFieldIssue } from './FormError';
import { listSubschemas } from './listSubschemas';

/** All patterns of one schema together: every one may test the same submitted text. */
export const MAX_SCHEMA_PROGRAM_SIZE = 2 * MAX_PATTERN_PROGRAM_SIZE;

/**
 * Lists every `pattern` and `patternProperties` key of `schema` that the linear-time engine
 * cannot run (backreferences, lookaround, oversized repetitions), each at its JSON pointer, and
 * refuses schemas whose patterns together are too large: the server never runs a regular
 * expression on a backtracking engine, and this says which one to change.
 */
export function rejectNonLinearPatterns({
  schema,
  path = '/schema',
}: {
  schema: unknown;
  path?: string;
}): FormFieldIssue[] {
  const issues: FormFieldIssue[] = [];
  let total = 0;
  const check = (pattern: string, at: string) => {
    const compiled = compileLinearPattern({ pattern });
    if (compiled.ok) total += compiled.regExp.programSize;
    else
      issues.push({
        path: at,
        message: `received pattern ${JSON.stringify(pattern)}: ${compiled.reason}`,
      });
  };
  for (const { schema: node, path: at } of listSubschemas({ schema, path })) {
    if (typeof node.pattern === 'string') check(node.pattern, appendPointer(at, 'pattern'));
    const keyed = node.patternProperties;
    if (typeof keyed === 'object' && keyed !== null && !Array.isArray(keyed)) {
      const base = appendPointer(at, 'patternProperties');
      for (const key of Object.keys(keyed)) check(key, appendPointer(base, key));
    }
  }
  // Only a sum over patterns that compiled means anything; the others are already listed.
  if (issues.length === 0 && total > MAX_SCHEMA_PROGRAM_SIZE) {
    issues.push({
      path,
      message: `received patterns that compile to ${total} instructions in all; expected at most ${MAX_SCHEMA_PROGRAM_SIZE}`,
    });
  }
  return issues;
}
