import { ExpressionError } from './ExpressionError';
import { parseExpression } from './parseExpression';
import { scanTemplate } from './scanTemplate';

/**
 * Deepest nesting of arrays and objects walked. resolveTemplate recurses through the same value
 * at run time, so a definition nested deeper is rejected here rather than overflowing the stack.
 */
const MAX_NESTING = 100;

export interface TemplateError {
  /** JSON Pointer (RFC 6901) to the string holding the expression, as in Ajv's instancePath. */
  path: string;
  message: string;
}

/**
 * Every `${...}` in a JSON value that would fail at run time: does not parse, is unterminated,
 * uses forbidden syntax or names, or is over the caps. Walks arrays and plain objects (values
 * only, not keys) and reports each bad expression separately, in document order. Nothing that
 * depends on data is an error: a computed key that evaluates to a forbidden name reads as undefined.
 * A value nested more than 100 levels deep is reported once, at the first path past the limit.
 */
export function findTemplateErrors(value: unknown): TemplateError[] {
  const errors: TemplateError[] = [];
  collect({ value, path: '', depth: 0, errors });
  return errors;
}

function collect({
  value,
  path,
  depth,
  errors,
}: {
  value: unknown;
  path: string;
  depth: number;
  errors: TemplateError[];
}): void {
  if (typeof value === 'string') {
    collectFromString({ template: value, path, errors });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  // Untrusted JSON can nest thousands deep in a few kilobytes; stop before the stack does.
  if (depth >= MAX_NESTING) {
    errors.push({
      path,
      message: `value is nested more than ${MAX_NESTING} levels deep, expected at most ${MAX_NESTING}`,
    });
    return;
  }
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  for (const [key, item] of entries) {
    collect({ value: item, path: `${path}/${escapePointer(key)}`, depth: depth + 1, errors });
  }
}

function collectFromString({
  template,
  path,
  errors,
}: {
  template: string;
  path: string;
  errors: TemplateError[];
}): void {
  // Most strings in a definition are plain text; skip the scan for them.
  if (!template.includes('${')) return;
  for (const segment of scanTemplate({ template })) {
    if (segment.kind === 'text') continue;
    if (segment.kind === 'unterminated') {
      errors.push({
        path,
        message: `"\${" at character ${segment.start} has no closing "}", expected "\${...}"`,
      });
      continue;
    }
    try {
      parseExpression({ source: segment.source });
    } catch (error) {
      // Anything but an ExpressionError is a bug here, not a bad template: let it surface.
      if (!(error instanceof ExpressionError)) throw error;
      errors.push({ path, message: error.message });
    }
  }
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
