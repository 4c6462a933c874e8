import { isForbiddenName } from './isForbiddenName';
import type { ExpressionNode, ParsedExpression } from './parseExpression';

/** The names an expression can start from: `_identityStore`, `_dataForms`, `_decision`, ... */
export type ExpressionContext = Readonly<Record<string, unknown>>;

/**
 * Evaluate a parsed expression against a context. Reads never throw for missing data: a path
 * through anything absent yields undefined. Only own, enumerable data properties of plain objects
 * (prototype Object.prototype or null) and arrays are readable, so inherited members
 * (`x.toString`), array and string `length`, characters of strings, getters and the internals of
 * class instances are all undefined, and functions and symbols read as undefined too.
 * A computed key (`a[b]`) that is missing, not a string or number, or a forbidden name reads as
 * undefined too: it depends on data, so it is never an error at run time.
 * `==` and `!=` are `===` and `!==`; `&&` and `||` short-circuit and return an operand, as in JS.
 */
export function evaluateExpression({
  parsed,
  context,
}: {
  parsed: ParsedExpression;
  context: ExpressionContext;
}): unknown {
  return evaluate(parsed.root, { context });
}

interface Scope {
  context: ExpressionContext;
}

function evaluate(node: ExpressionNode, scope: Scope): unknown {
  switch (node.type) {
    case 'Literal':
      return node.value;
    case 'Identifier':
      return readOwn(scope.context, node.name);
    case 'Member':
      return readOwn(evaluate(node.object, scope), node.key);
    case 'ComputedMember': {
      const target = evaluate(node.object, scope);
      const key = evaluate(node.key, scope);
      // The key comes from data (a form field, a token parameter): whatever it holds is read as a
      // missing path, never an error, so an end user's input cannot fail the request. A key that
      // is not a string or number, or that names what the upload check refuses as a literal
      // (`__proto__`, `constructor`, `prototype`), reads as undefined.
      if (typeof key !== 'string' && typeof key !== 'number') return undefined;
      if (isForbiddenName(String(key))) return undefined;
      return readOwn(target, String(key));
    }
    case 'Binary': {
      const left = evaluate(node.left, scope);
      switch (node.operator) {
        case '&&':
          return left ? evaluate(node.right, scope) : left;
        case '||':
          return left ? left : evaluate(node.right, scope);
        case '==':
          return left === evaluate(node.right, scope);
        case '!=':
          return left !== evaluate(node.right, scope);
      }
      break;
    }
    case 'Not':
      return !evaluate(node.argument, scope);
  }
  // Unreachable while ExpressionNode and this switch agree; fails loudly if they drift apart.
  throw new TypeError(`unknown expression node ${JSON.stringify(node)}`);
}

function readOwn(target: unknown, key: string): unknown {
  if (!isPlainContainer(target)) return undefined;
  // The descriptor, not `target[key]`: never runs a getter, never walks the prototype chain.
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor?.enumerable || !('value' in descriptor)) return undefined;
  const { value } = descriptor;
  return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
}

function isPlainContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
