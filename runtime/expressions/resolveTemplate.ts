import { ExpressionError } from './ExpressionError';
import { type ExpressionContext, evaluateExpression } from './evaluateExpression';
import { parseExpression } from './parseExpression';
import { scanTemplate } from './scanTemplate';

/**
 * Resolve `${...}` expressions in a JSON value against `context`:
 * - a string that is exactly one `${...}` (no surrounding text or spaces) becomes the typed value
 *   it evaluates to (object, number, boolean, null, or undefined for a missing path);
 * - any other string with `${...}` becomes text: undefined and null give '', strings are
 *   inserted as is, objects and arrays as JSON, other values through String();
 * - arrays and plain objects are resolved element by element (keys are never resolved);
 * - everything else is returned as is.
 * Throws ExpressionError for an expression that does not parse, is forbidden, or is too complex.
 * The template is not changed; resolved containers are new.
 */
export function resolveTemplate({
  template,
  context,
}: {
  template: unknown;
  context: ExpressionContext;
}): unknown {
  if (typeof template === 'string') return resolveString({ template, context });
  if (Array.isArray(template)) {
    return template.map((item) => resolveTemplate({ template: item, context }));
  }
  if (!isPlainObject(template)) return template;
  // fromEntries defines own properties, so a JSON key "__proto__" stays data, not a prototype.
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) => [
      key,
      resolveTemplate({ template: value, context }),
    ]),
  );
}

function resolveString({
  template,
  context,
}: {
  template: string;
  context: ExpressionContext;
}): unknown {
  // Most strings in a definition are plain text; skip the scan for them.
  if (!template.includes('${')) return template;
  const segments = scanTemplate({ template });

  const only = segments.length === 1 ? segments[0] : undefined;
  if (only?.kind === 'expression') {
    return evaluateExpression({ parsed: parseExpression({ source: only.source }), context });
  }

  let text = '';
  for (const segment of segments) {
    if (segment.kind === 'text') {
      text += segment.text;
      continue;
    }
    // An unterminated `${` swallowed the rest of the template: nothing sensible to render.
    if (segment.kind === 'unterminated') {
      throw new ExpressionError(
        'EXPRESSION_SYNTAX',
        `template ${JSON.stringify(template)} has "\${" at character ${segment.start} with no closing "}", expected "\${...}"`,
        { expression: template },
      );
    }
    const parsed = parseExpression({ source: segment.source });
    text += toText(evaluateExpression({ parsed, context }));
  }
  return text;
}

function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value) ?? '';
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
