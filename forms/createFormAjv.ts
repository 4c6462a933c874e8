import Ajv, { type CodeOptions } from 'ajv';
import addFormats from 'ajv-formats';
import { createFormFormats } from '../core/createFormFormats';
import { compileLinearPattern } from './compileLinearPattern';

/**
 * Every `pattern` and `patternProperties` key on RE2's linear-time matcher instead of V8's
 * backtracking RegExp: an integrator's pattern can then never hold the event loop
 * (ReDoS). A pattern the engine cannot run makes compilation fail; uploads name it first
 * (rejectNonLinearPatterns).
 */
const linearRegExp: NonNullable<CodeOptions['regExp']> = Object.assign(
  (pattern: string) => {
    const compiled = compileLinearPattern({ pattern });
    if (!compiled.ok) throw new Error(`pattern ${JSON.stringify(pattern)}: ${compiled.reason}`);
    return compiled.regExp;
  },
  // Only read when generating standalone code, which Keyform never does.
  { code: 'keyform/compileLinearPattern' },
);

/**
 * A fresh, isolated ajv instance for exactly one form schema, set up as JSON Forms' `createAjv`
 * sets up the browser's (renderer/forms/prepareValidation.ts mirrors this), so both sides give
 * one answer: `strict: false` (unknown keywords and formats are ignored, union types and
 * `required` naming a sub-schema's property are fine), `useDefaults` (a missing property with a
 * `default` gets it) and the formats of createFormFormats. (Keywords of later drafts that
 * ajv's draft-07 class does not know, such as `dependentRequired`, are ignored on both sides.) Unlike JSON Forms' `createAjv`, the
 * schema is registered while it compiles (ajv's default), which `$ref: "#"` needs; the stored
 * schema has no `$id` to collide (stripDocumentKeywords). Fresh per schema, so dropping the compiled validator frees everything.
 * `$data` stays off so submitted values can never act as schema; no `loadSchema`, so nothing
 * remote is fetched; patterns run on RE2.
 */
export function createFormAjv(): Ajv {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    $data: false,
    coerceTypes: false,
    removeAdditional: false,
    useDefaults: true,
    validateFormats: true,
    code: { regExp: linearRegExp },
    // Untrusted uploads must not be able to write to the server log.
    logger: false,
  });
  addFormats(ajv);
  for (const [name, validate] of Object.entries(createFormFormats())) {
    ajv.addFormat(name, { type: 'string', validate });
  }
  return ajv;
}
