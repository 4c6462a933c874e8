import jsep from 'jsep';
import { ExpressionError } from './ExpressionError';
import { isForbiddenName } from './isForbiddenName';

/** Longest source accepted inside one `${...}`; real templates are paths of a few hundred chars. */
const MAX_SOURCE_LENGTH = 2000;
/** Deepest AST accepted; also bounds the evaluator's recursion. */
const MAX_DEPTH = 32;
/** Compiled expressions kept; the engine re-evaluates the same templates on every step. */
const MAX_CACHED = 1000;

const ALLOWED =
  'literals (string, number, true, false, null), paths (a.b, a["b"], a[0]), ==, !=, &&, ||, ! and parentheses';

/**
 * The whole grammar, after validation. Only these shapes reach the evaluator, so anything jsep
 * (or a plugin someone registers on the shared jsep instance) adds stays rejected by default.
 */
export type ExpressionNode =
  | { readonly type: 'Literal'; readonly value: string | number | boolean | null }
  | { readonly type: 'Identifier'; readonly name: string }
  /** `a.b`, `a?.b`, `a["b"]`, `a[0]`: the key is known, and checked, at parse time. */
  | { readonly type: 'Member'; readonly object: ExpressionNode; readonly key: string }
  /** `a[b]`: the key is checked when evaluated. */
  | {
      readonly type: 'ComputedMember';
      readonly object: ExpressionNode;
      readonly key: ExpressionNode;
    }
  | {
      readonly type: 'Binary';
      readonly operator: '==' | '!=' | '&&' | '||';
      readonly left: ExpressionNode;
      readonly right: ExpressionNode;
    }
  | { readonly type: 'Not'; readonly argument: ExpressionNode };

export interface ParsedExpression {
  /** The text inside `${...}`, as given. */
  readonly source: string;
  readonly root: ExpressionNode;
}

const cache = new Map<string, ParsedExpression>();

/**
 * Parse and validate the text inside one `${...}` (without the `${` and `}`), or throw an
 * ExpressionError. The result is deeply frozen and cached by source (least recently used goes
 * first), so callers share it and must not, and cannot, change it.
 */
export function parseExpression({ source }: { source: string }): ParsedExpression {
  // Definitions are untrusted JSON: the type annotation does not hold at runtime.
  if (typeof source !== 'string') {
    throw new ExpressionError(
      'EXPRESSION_SYNTAX',
      `expression source must be a string, received ${describeType(source)}`,
      { expression: String(source) },
    );
  }
  // Checked before the cache so an oversized source never costs a parse or a cache slot.
  if (source.length > MAX_SOURCE_LENGTH) {
    throw new ExpressionError(
      'EXPRESSION_TOO_COMPLEX',
      `expression is ${source.length} characters long, expected at most ${MAX_SOURCE_LENGTH}`,
      { expression: source },
    );
  }
  const cached = cache.get(source);
  if (cached) {
    // Re-insert so the Map's insertion order doubles as recency order.
    cache.delete(source);
    cache.set(source, cached);
    return cached;
  }

  const parsed: ParsedExpression = Object.freeze({
    source,
    root: toNode({ node: parseSyntax(source), depth: 1, source }),
  });
  cache.set(source, parsed);
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return parsed;
}

function parseSyntax(source: string): jsep.Expression {
  let node: jsep.Expression;
  try {
    node = jsep(source);
  } catch (error) {
    // 2000 characters of nested brackets can exhaust jsep's recursion before our depth check runs.
    if (error instanceof RangeError) {
      throw new ExpressionError(
        'EXPRESSION_TOO_COMPLEX',
        `expression ${excerpt(source)} is nested too deeply to parse, expected at most ${MAX_DEPTH} levels`,
        { expression: source, cause: error },
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExpressionError(
      'EXPRESSION_SYNTAX',
      `expression ${excerpt(source)} does not parse: ${reason}`,
      { expression: source, cause: error },
    );
  }
  // jsep returns an empty Compound for blank input rather than failing.
  if (node.type === 'Compound' && (node as jsep.Compound).body.length === 0) {
    throw new ExpressionError('EXPRESSION_SYNTAX', `expression is empty, expected ${ALLOWED}`, {
      expression: source,
    });
  }
  return node;
}

function toNode({
  node,
  depth,
  source,
}: {
  node: jsep.Expression;
  depth: number;
  source: string;
}): ExpressionNode {
  // Bounds both this walk and the evaluator's; legitimate paths are well under 32 deep.
  if (depth > MAX_DEPTH) {
    throw new ExpressionError(
      'EXPRESSION_TOO_COMPLEX',
      `expression ${excerpt(source)} is more than ${MAX_DEPTH} levels deep, expected at most ${MAX_DEPTH}`,
      { expression: source },
    );
  }
  const child = (next: jsep.Expression) => toNode({ node: next, depth: depth + 1, source });

  switch (node.type) {
    case 'Literal': {
      const { value } = node as jsep.Literal;
      // A plugin could add RegExp or other literal values to the shared jsep instance.
      if (!isAllowedLiteral(value)) {
        throw forbidden(source, `a ${describeType(value)} literal`);
      }
      return Object.freeze({ type: 'Literal', value });
    }
    case 'Identifier': {
      const { name } = node as jsep.Identifier;
      if (isForbiddenName(name)) throw forbidden(source, `the name "${name}"`);
      return Object.freeze({ type: 'Identifier', name });
    }
    case 'MemberExpression': {
      const member = node as jsep.MemberExpression;
      const object = child(member.object);
      if (!member.computed) {
        // jsep only builds Identifier properties after a dot; anything else came from a plugin.
        if (member.property.type !== 'Identifier') {
          throw forbidden(source, `a ${member.property.type} after "."`);
        }
        return memberNode({ object, key: (member.property as jsep.Identifier).name, source });
      }
      const key = child(member.property);
      if (key.type !== 'Literal') return Object.freeze({ type: 'ComputedMember', object, key });
      // A literal bracket key is checked now, so `a["__proto__"]` fails at upload, not at run.
      if (typeof key.value !== 'string' && typeof key.value !== 'number') {
        throw forbidden(source, `a ${describeType(key.value)} bracket key`);
      }
      return memberNode({ object, key: String(key.value), source });
    }
    case 'BinaryExpression': {
      const binary = node as jsep.BinaryExpression;
      const { operator } = binary;
      if (operator === '===' || operator === '!==') {
        throw forbidden(source, `the operator "${operator}" (== and != are already strict)`);
      }
      if (operator !== '==' && operator !== '!=' && operator !== '&&' && operator !== '||') {
        throw forbidden(source, `the operator "${operator}"`);
      }
      return Object.freeze({
        type: 'Binary',
        operator,
        left: child(binary.left),
        right: child(binary.right),
      });
    }
    case 'UnaryExpression': {
      const unary = node as jsep.UnaryExpression;
      if (unary.operator === '!') {
        return Object.freeze({ type: 'Not', argument: child(unary.argument) });
      }
      // `-1` is a negative number literal, not arithmetic: fold it so `_score == -1` works.
      if (
        unary.operator === '-' &&
        unary.argument.type === 'Literal' &&
        typeof (unary.argument as jsep.Literal).value === 'number'
      ) {
        return Object.freeze({
          type: 'Literal',
          value: -((unary.argument as jsep.Literal).value as number),
        });
      }
      throw forbidden(source, `the unary operator "${unary.operator}"`);
    }
    default:
      throw forbidden(source, describeNode(node));
  }
}

function memberNode({
  object,
  key,
  source,
}: {
  object: ExpressionNode;
  key: string;
  source: string;
}): ExpressionNode {
  if (isForbiddenName(key)) throw forbidden(source, `the property "${key}"`);
  return Object.freeze({ type: 'Member', object, key });
}

function isAllowedLiteral(value: unknown): value is string | number | boolean | null {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  );
}

function forbidden(source: string, what: string): ExpressionError {
  return new ExpressionError(
    'EXPRESSION_FORBIDDEN',
    `expression ${excerpt(source)} uses ${what}, expected only ${ALLOWED}`,
    { expression: source },
  );
}

function describeNode(node: jsep.Expression): string {
  switch (node.type) {
    case 'CallExpression':
      return 'a function call';
    case 'ThisExpression':
      return '"this"';
    case 'ConditionalExpression':
      return 'a conditional (a ? b : c)';
    case 'ArrayExpression':
      return 'an array literal';
    case 'SequenceExpression':
      return 'a sequence (a, b)';
    case 'Compound':
      return 'several expressions side by side (or a keyword such as new, typeof, in)';
    default:
      return `a ${node.type}`;
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof RegExp) return 'regular expression';
  return typeof value;
}

function excerpt(source: string): string {
  return JSON.stringify(source.length > 80 ? `${source.slice(0, 77)}...` : source);
}
