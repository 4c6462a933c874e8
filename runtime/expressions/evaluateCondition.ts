import { ExpressionError } from './ExpressionError';
import { type ExpressionContext, evaluateExpression } from './evaluateExpression';
import { parseExpression } from './parseExpression';
import { scanTemplate } from './scanTemplate';

/**
 * Evaluate a `when` condition, a string that is exactly one `${...}` (no surrounding text or
 * spaces), to a boolean: the value's JS truthiness, so a missing path is false. Throws
 * ExpressionError for any other shape, and for an expression that does not parse, is forbidden,
 * or is too complex.
 */
export function evaluateCondition({
  expression,
  context,
}: {
  expression: string;
  context: ExpressionContext;
}): boolean {
  // Definitions are untrusted JSON: the type annotation does not hold at runtime.
  if (typeof expression !== 'string') {
    throw new ExpressionError(
      'EXPRESSION_SYNTAX',
      `condition must be a string "\${...}", received ${expression === null ? 'null' : typeof expression}`,
      { expression: String(expression) },
    );
  }
  const segments = scanTemplate({ template: expression });
  const only = segments.length === 1 ? segments[0] : undefined;
  // Text around the expression would make every condition truthy: refuse it instead.
  if (only?.kind !== 'expression') {
    throw new ExpressionError(
      'EXPRESSION_SYNTAX',
      `condition ${JSON.stringify(expression)} is not exactly one "\${...}", expected e.g. "\${_decision == 'PASS'}"`,
      { expression },
    );
  }
  const parsed = parseExpression({ source: only.source });
  return Boolean(evaluateExpression({ parsed, context }));
}
