import { type Schema, Validator } from '@cfworker/json-schema';
import { type JsonSchema, resolveSchema } from '@jsonforms/core';
import type Ajv from 'ajv';
import { isBacktrackBounded } from '../../isBacktrackBounded';

/** Texts at most this long keep a bounded pattern on V8's matcher, as browserRegExp keeps them. */
const NATIVE_TEXT_LIMIT = 1000;

type Check = ((data: unknown) => boolean) & {
  errors: { keyword: string; instancePath: string; message: string }[] | null;
};

/**
 * The ajv JsonForms is given when the page's CSP (script-src 'self', no 'unsafe-eval') stops
 * ajv from generating code: @jsonforms/core still evaluates every rule itself, and calls
 * `ajv.validate(condition.schema, value)` for schema-based conditions, which this answers with
 * an interpreting validator. `compile` serves core's oneOf/anyOf pre-selection the same way.
 * A condition whose pattern V8 could be made to backtrack on (or a long text) is not run on
 * V8's matcher: it counts as not met, as JSON Forms counts a condition it cannot evaluate.
 */
export function createRuleAjv(): Ajv {
  const cache = new WeakMap<object, Validator>();
  const validatorFor = (schema: unknown) => {
    if (typeof schema === 'boolean') return new Validator(schema, '7', false);
    const key = schema as object;
    let validator = cache.get(key);
    if (!validator) {
      validator = new Validator(schema as Schema, '7', false);
      cache.set(key, validator);
    }
    return validator;
  };
  const compile = (schema: unknown): Check => {
    const check = ((data: unknown) => {
      if (!patternsAreSafe(schema, data)) {
        check.errors = [{ keyword: 'pattern', instancePath: '', message: 'not evaluated' }];
        return false;
      }
      // Core asks about absent data (`undefined`), which JSON and so the validator lack.
      if (data === undefined) {
        check.errors = null;
        const valid = acceptsUndefined(schema, schema);
        if (!valid) check.errors = [{ keyword: 'type', instancePath: '', message: 'no value' }];
        return valid;
      }
      const result = validatorFor(schema).validate(JSON.parse(JSON.stringify(data)));
      check.errors = result.valid
        ? null
        : result.errors.map((unit) => ({
            keyword: unit.keyword,
            instancePath: unit.instanceLocation.replace(/^#/, ''),
            message: unit.error,
          }));
      return result.valid;
    }) as Check;
    check.errors = null;
    return check;
  };
  const ruleAjv = {
    validate: (schema: unknown, data: unknown) => compile(schema)(data),
    compile,
    // Core reads nothing else of its ajv; anything more is a contract break worth a throw.
  };
  return ruleAjv as unknown as Ajv;
}

/** Every pattern in `schema` is safe on V8's matcher for every text in `data`. */
function patternsAreSafe(schema: unknown, data: unknown): boolean {
  const patterns: string[] = [];
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const { pattern, patternProperties } = node as Record<string, unknown>;
    if (typeof pattern === 'string') patterns.push(pattern);
    if (typeof patternProperties === 'object' && patternProperties !== null)
      patterns.push(...Object.keys(patternProperties));
    stack.push(...Object.values(node));
  }
  if (patterns.length === 0) return true;
  if (!patterns.every(isBacktrackBounded)) return false;
  const texts: unknown[] = [data];
  while (texts.length > 0) {
    const value = texts.pop();
    if (typeof value === 'string' && value.length > NATIVE_TEXT_LIMIT) return false;
    if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key.length > NATIVE_TEXT_LIMIT) return false;
        texts.push(inner);
      }
    }
  }
  return true;
}

/**
 * What ajv answers for an absent value: no `type`, `const` or `enum` matches it, keywords of
 * one type (minLength, required, ...) do not apply, and `not`, `allOf`, `anyOf`, `oneOf`,
 * `if`/`then`/`else` and local `$ref`s combine as ever. So `{not: {const: "Other"}}` holds
 * for a field left empty, `{const: true}` does not, as in JSON Forms with its own ajv.
 */
function acceptsUndefined(schema: unknown, root: unknown, depth = 0): boolean {
  if (typeof schema === 'boolean') return schema;
  // A local $ref cycle in a condition would never end; the upload caps depth far below this.
  if (typeof schema !== 'object' || schema === null || depth > 64) return true;
  const node = schema as Record<string, unknown>;
  const next = (inner: unknown) => acceptsUndefined(inner, root, depth + 1);
  if ('type' in node || 'const' in node || 'enum' in node) return false;
  if ('not' in node && next(node.not)) return false;
  if (Array.isArray(node.allOf) && !node.allOf.every(next)) return false;
  if (Array.isArray(node.anyOf) && !node.anyOf.some(next)) return false;
  if (Array.isArray(node.oneOf) && node.oneOf.filter(next).length !== 1) return false;
  if ('if' in node) {
    const branch = next(node.if) ? node.then : node.else;
    if (branch !== undefined && !next(branch)) return false;
  }
  if (typeof node.$ref === 'string') {
    const target = resolveSchema(root as JsonSchema, node.$ref, root as JsonSchema);
    if (target !== undefined && !next(target)) return false;
  }
  return true;
}
