import { PageError, type PageIssue } from './PageError';

/** Names become path segments under `customPageParameters`, like constant names. */
const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type ValidatePageParametersResult =
  | { ok: true; parameters: Record<string, unknown> }
  | { ok: false; error: PageError };

/**
 * Checks what a page SENT before it enters the instance context: an object of plain names
 * whose values are JSON (null, booleans, finite numbers, strings, arrays, plain objects) with no
 * prototype keys, each and all together under a size cap, nested at most `maxDepth` deep.
 * Never throws for bad input.
 */
export function validatePageParameters({
  parameters,
  maxNames = 50,
  maxValueBytes = 32 * 1024,
  maxTotalBytes = 48 * 1024,
  maxDepth = 16,
}: {
  parameters: unknown;
  maxNames?: number;
  maxValueBytes?: number;
  maxTotalBytes?: number;
  maxDepth?: number;
}): ValidatePageParametersResult {
  if (!isPlainObject(parameters)) {
    return invalid([
      { path: '', message: `received ${describe(parameters)}; expected an object of NAME: value` },
    ]);
  }
  const names = Object.keys(parameters);
  // Each name is a capture in the instance: bounded like everything stored per user.
  if (names.length > maxNames) {
    return invalid([
      { path: '', message: `received ${names.length} variables; expected at most ${maxNames}` },
    ]);
  }
  const issues: PageIssue[] = [];
  let total = 0;
  for (const name of names) {
    const path = `/${name}`;
    if (!PARAMETER_NAME.test(name)) {
      issues.push({
        path,
        message: `received name ${JSON.stringify(name.slice(0, 80))}; expected 1-64 letters, digits or '_', not starting with a digit`,
      });
      continue;
    }
    const problem = findNonJson(parameters[name], maxDepth);
    if (problem) {
      issues.push({ path: `${path}${problem.at}`, message: problem.message });
      continue;
    }
    const bytes = Buffer.byteLength(JSON.stringify(parameters[name]));
    total += bytes;
    if (bytes > maxValueBytes) {
      issues.push({
        path,
        message: `received ${bytes} bytes of JSON; expected at most ${maxValueBytes}`,
      });
    }
  }
  if (issues.length === 0 && total > maxTotalBytes) {
    issues.push({
      path: '',
      message: `received ${total} bytes of JSON in all; expected at most ${maxTotalBytes}`,
    });
  }
  if (issues.length > 0) return invalid(issues);
  return { ok: true, parameters };
}

/** The first thing in `value` that is not plain JSON, walking iteratively (no stack to overflow). */
function findNonJson(value: unknown, maxDepth: number) {
  const stack: Array<{ node: unknown; at: string; depth: number }> = [
    { node: value, at: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const { node, at, depth } = stack.pop()!;
    if (node === null || typeof node === 'string' || typeof node === 'boolean') continue;
    if (typeof node === 'number') {
      if (Number.isFinite(node)) continue;
      return { at, message: `received ${node}; expected a finite number` };
    }
    if (depth >= maxDepth)
      return {
        at,
        message: `received nesting deeper than ${maxDepth}; expected at most ${maxDepth}`,
      };
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) {
        stack.push({ node: child, at: `${at}/${i}`, depth: depth + 1 });
      }
      continue;
    }
    if (!isPlainObject(node))
      return { at, message: `received ${describe(node)}; expected a JSON value` };
    for (const [key, child] of Object.entries(node)) {
      // Prototype keys are a pollution vector for whatever later merges the capture.
      if (FORBIDDEN_KEYS.has(key))
        return { at: `${at}/${key}`, message: `received forbidden key "${key}"` };
      stack.push({
        node: child,
        at: `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        depth: depth + 1,
      });
    }
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object'
    ? `a ${value.constructor?.name ?? 'object'}`
    : `a ${typeof value}`;
}

function invalid(fields: PageIssue[]): ValidatePageParametersResult {
  return {
    ok: false,
    error: new PageError(
      'PAGE_PARAMETERS_INVALID',
      `the page sent invalid variables: ${fields[0]?.path || '/'} ${fields[0]?.message}`,
      { details: { fields } },
    ),
  };
}
