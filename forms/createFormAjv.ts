import Ajv, { type CodeOptions } from 'ajv';
import addFormats from 'ajv-formats';
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
 * A fresh, isolated ajv instance for exactly one form schema. Fresh per schema so that `$id`s of
 * different uploads never collide and dropping the compiled validator frees everything.
 * `strict` turns unknown keywords/formats and sloppy types into compile errors; `$data` stays off
 * so submitted values can never act as schema; no `loadSchema`, so nothing remote is fetched.
 */
export function createFormAjv(): Ajv {
  const ajv = new Ajv({
    strict: true,
    allErrors: true,
    $data: false,
    coerceTypes: false,
    removeAdditional: false,
    useDefaults: false,
    validateFormats: true,
    code: { regExp: linearRegExp },
    // Untrusted uploads must not be able to write to the server log.
    logger: false,
  });
  addFormats(ajv);
  return ajv;
}
