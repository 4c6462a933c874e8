import { type JsonSchema, resolveSchema, toDataPath } from '@jsonforms/core';
import { isPlainObject } from '../core/isPlainObject';

/** Steps that apply to the same value: they bind no data, as JSON Forms' toDataPath drops them. */
const SAME_VALUE_STEP = String.raw`(?:/(?:allOf|anyOf|oneOf)/\d+|/then|/else)`;
/**
 * `#`, `#/`, or `properties/<name>` steps, each optionally after combinator steps
 * (`#/anyOf/0/then/properties/lastName`); the leading `#` may be left out, as JSON Forms allows.
 */
const SCOPE_PATTERN = new RegExp(`^(?:#/?|#?(?:${SAME_VALUE_STEP}*/properties/[^/]+)+)$`);
const MAX_SCOPE_LENGTH = 500;
/** Names that would reach the prototype chain when JSON Forms resolves the scope. */
const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type ResolveScopeOptions = {
  /** The schema the scope is relative to: the root, or an array's items inside `detail`. */
  schema: unknown;
  /** The form's root schema, which `$ref`s point into. */
  rootSchema?: unknown;
  scope: unknown;
};

export type ResolvedScope =
  | { ok: true; schema: Record<string, unknown>; dataPath: string }
  | { ok: false; reason: string };

/**
 * Resolves a JSON Forms scope exactly as the renderer will, with `@jsonforms/core`'s own
 * resolveSchema (local `$ref`s to `definitions`/`$defs`, and through `allOf`/`anyOf`/`oneOf`/
 * `then`/`else` when the path is not found directly), so server and browser agree on what a
 * scope names. Refused: scopes that do not end on a property (or the root), whose data path
 * JSON Forms would compute differently (toDataPath drops only the combinator steps above, so
 * `if/...` or `items/...` bind the wrong data), and scopes that name nothing.
 */
export function resolveScope({
  schema,
  rootSchema = schema,
  scope,
}: ResolveScopeOptions): ResolvedScope {
  // Only a string can be a JSON pointer; long ones are never a real form's.
  if (typeof scope !== 'string' || scope.length > MAX_SCOPE_LENGTH) {
    return { ok: false, reason: `received scope ${describe(scope)}; expected a string` };
  }
  if (!SCOPE_PATTERN.test(scope)) {
    return {
      ok: false,
      reason: `received scope "${scope}"; expected "#", or "#/properties/name" steps, optionally through allOf/anyOf/oneOf/<index>, then or else`,
    };
  }
  const segments = scope.split('/').map(unescapePointer);
  // The prototype of a properties object is an object too: it must never pass as a schema.
  if (segments.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) {
    return {
      ok: false,
      reason: `received scope "${scope}"; expected no __proto__, constructor or prototype`,
    };
  }
  const names = segments.filter((_, i) => i > 0 && segments[i - 1] === 'properties');
  // JSON Forms joins data paths with dots and splits them again to read the data.
  const dotted = names.find((name) => name.includes('.'));
  if (dotted !== undefined) {
    return {
      ok: false,
      reason: `received scope "${scope}" naming property "${dotted}"; expected property names without "." (JSON Forms reads a dot as nesting)`,
    };
  }
  const dataPath = toDataPath(scope);
  // A property named like a combinator step makes JSON Forms bind other data than it names.
  if (dataPath !== names.join('.')) {
    return {
      ok: false,
      reason: `received scope "${scope}", which JSON Forms binds to data "${dataPath}" rather than "${names.join('.')}"; rename the property`,
    };
  }
  const resolved = resolveSchema(schema as JsonSchema, scope, rootSchema as JsonSchema);
  if (!isPlainObject(resolved)) {
    return {
      ok: false,
      reason: `received scope "${scope}", which names no schema object; expected a declared property`,
    };
  }
  return { ok: true, schema: resolved, dataPath };
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `of ${value.length} characters`;
  return JSON.stringify(value) ?? 'undefined';
}
