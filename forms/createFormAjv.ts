import Ajv from 'ajv';
import addFormats from 'ajv-formats';

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
    // Untrusted uploads must not be able to write to the server log.
    logger: false,
  });
  addFormats(ajv);
  return ajv;
}
