import type Ajv from 'ajv';
import { appendPointer } from '../core/appendPointer';
import { isPlainObject } from '../core/isPlainObject';
import { createFormAjv } from './createFormAjv';
import type { FormFieldIssue } from './FormError';
import { rejectExplosiveSchemas } from './rejectExplosiveSchemas';
import { rejectNonLinearPatterns } from './rejectNonLinearPatterns';
import { rejectUnsafeSchemaKeywords } from './rejectUnsafeSchemaKeywords';
import { resolveScope } from './resolveScope';
import { stripDocumentKeywords } from './stripDocumentKeywords';

/** The effects `@jsonforms/core` evaluates (evalVisibility, evalEnablement, evalReadonly). */
const EFFECTS: ReadonlySet<string> = new Set([
  'SHOW',
  'HIDE',
  'ENABLE',
  'DISABLE',
  'READONLY',
  'WRITABLE',
]);
const RULE_KEYS: ReadonlySet<string> = new Set(['effect', 'condition']);
const SCHEMA_CONDITION_KEYS: ReadonlySet<string> = new Set([
  'scope',
  'schema',
  'failWhenUndefined',
]);
const LEAF_CONDITION_KEYS: ReadonlySet<string> = new Set(['type', 'scope', 'expectedValue']);
const COMPOSED_CONDITION_KEYS: ReadonlySet<string> = new Set(['type', 'conditions']);

/** State shared by the rules of one upload: one ajv compiles all their condition schemas. */
export type RuleChecks = { ajv?: Ajv };

export type ValidateRuleOptions = {
  rule: unknown;
  path: string;
  /** What condition scopes are relative to (the root, or an array's items inside `detail`). */
  base: unknown;
  rootSchema: unknown;
  checks: RuleChecks;
};

/**
 * Checks a JSON Forms `rule`: an effect core knows and a condition of the JSON kinds core
 * evaluates: schema-based `{scope, schema, failWhenUndefined?}`, the legacy
 * `{type: "LEAF", scope, expectedValue}`, and `{type: "AND" | "OR", conditions}`. Scopes must
 * resolve like a Control's. A condition schema runs in the end user's browser against the data,
 * so it meets every rule the form's schema meets: local `$ref`s only, no `$data`, patterns RE2
 * can run, no explosive combinators, and it must compile. (A `validate` function cannot travel
 * as JSON: a condition with only a scope is refused rather than read as "always true".)
 */
export function validateRule({
  rule,
  path,
  base,
  rootSchema,
  checks,
}: ValidateRuleOptions): FormFieldIssue[] {
  // A rule is addressed by its effect and condition.
  if (!isPlainObject(rule))
    return [{ path, message: `received ${describe(rule)}; expected a rule object` }];
  const issues = unknownKeys(rule, RULE_KEYS, path, 'rule');
  if (typeof rule.effect !== 'string' || !EFFECTS.has(rule.effect)) {
    issues.push({
      path: `${path}/effect`,
      message: `received effect ${JSON.stringify(rule.effect) ?? 'undefined'}; expected one of ${[...EFFECTS].join(', ')}`,
    });
  }
  issues.push(...checkCondition(rule.condition, `${path}/condition`, { base, rootSchema, checks }));
  return issues;
}

type ConditionContext = { base: unknown; rootSchema: unknown; checks: RuleChecks };

function checkCondition(condition: unknown, path: string, ctx: ConditionContext): FormFieldIssue[] {
  if (!isPlainObject(condition)) {
    return [{ path, message: `received ${describe(condition)}; expected a condition object` }];
  }
  const { type } = condition;
  if (type === 'AND' || type === 'OR') {
    const issues = unknownKeys(condition, COMPOSED_CONDITION_KEYS, path, `${type} condition`);
    const { conditions } = condition;
    // An empty AND is always true and an empty OR never: neither is what anyone means.
    if (!Array.isArray(conditions) || conditions.length === 0) {
      issues.push({
        path: `${path}/conditions`,
        message: `received ${describe(conditions)}; expected a non-empty array of conditions`,
      });
      return issues;
    }
    conditions.forEach((child, index) => {
      issues.push(...checkCondition(child, appendPointer(`${path}/conditions`, index), ctx));
    });
    return issues;
  }
  if (type === 'LEAF') {
    const issues = unknownKeys(condition, LEAF_CONDITION_KEYS, path, 'LEAF condition');
    issues.push(...checkScope(condition.scope, `${path}/scope`, ctx));
    const { expectedValue } = condition;
    // core compares with ===: an object or array would never match.
    if (
      expectedValue === undefined ||
      (typeof expectedValue === 'object' && expectedValue !== null)
    ) {
      issues.push({
        path: `${path}/expectedValue`,
        message: `received ${describe(expectedValue)}; expected a string, number, boolean or null`,
      });
    }
    return issues;
  }
  if (type !== undefined || !('schema' in condition)) {
    return [
      {
        path,
        message: `received a condition ${type === undefined ? 'without schema' : `of type ${JSON.stringify(type)}`}; expected {scope, schema}, {type: "LEAF", scope, expectedValue} or {type: "AND" | "OR", conditions} (a validate function cannot be uploaded as JSON)`,
      },
    ];
  }
  const issues = unknownKeys(condition, SCHEMA_CONDITION_KEYS, path, 'schema condition');
  issues.push(...checkScope(condition.scope, `${path}/scope`, ctx));
  if (
    condition.failWhenUndefined !== undefined &&
    typeof condition.failWhenUndefined !== 'boolean'
  ) {
    issues.push({
      path: `${path}/failWhenUndefined`,
      message: `received ${describe(condition.failWhenUndefined)}; expected a boolean`,
    });
  }
  issues.push(...checkConditionSchema(condition.schema, `${path}/schema`, ctx.checks));
  return issues;
}

function checkScope(scope: unknown, path: string, ctx: ConditionContext): FormFieldIssue[] {
  const resolved = resolveScope({ schema: ctx.base, rootSchema: ctx.rootSchema, scope });
  return resolved.ok ? [] : [{ path, message: resolved.reason }];
}

function checkConditionSchema(schema: unknown, path: string, checks: RuleChecks): FormFieldIssue[] {
  if (typeof schema === 'boolean') return [];
  // ajv takes an object or a boolean; anything else cannot be a condition.
  if (!isPlainObject(schema)) {
    return [
      { path, message: `received ${describe(schema)}; expected a JSON Schema object or boolean` },
    ];
  }
  const unsafe = [
    ...rejectUnsafeSchemaKeywords({ schema, path, allowRootId: false }),
    ...rejectNonLinearPatterns({ schema, path }),
    ...rejectExplosiveSchemas({ schema }).map((issue) => ({ ...issue, path })),
  ];
  // Only a safe schema may be handed to the compiler.
  if (unsafe.length > 0) return unsafe;
  // As for the form's schema: whatever draft it names, both sides compile it as draft-07.
  stripDocumentKeywords({ schema });
  checks.ajv ??= createFormAjv();
  const { ajv } = checks;
  if (ajv.validateSchema(schema) !== true) {
    return (ajv.errors ?? []).map((error) => ({
      path: `${path}${error.instancePath}`,
      message: `received a condition schema that is not valid draft-07: ${error.message ?? error.keyword}`,
    }));
  }
  try {
    ajv.compile(schema);
    return [];
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return [{ path, message: `condition schema does not compile: ${message}` }];
  }
}

function unknownKeys(
  value: Record<string, unknown>,
  allowed: ReadonlySet<string>,
  path: string,
  what: string,
): FormFieldIssue[] {
  return Object.keys(value)
    .filter((key) => !allowed.has(key))
    .map((key) => ({
      path: appendPointer(path, key),
      message: `received unknown key "${key}" on a ${what}; expected only ${[...allowed].join(', ')}`,
    }));
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
