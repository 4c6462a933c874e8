import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import { createFormAjv } from './createFormAjv';
import type { FormSchema } from './FormDefinition';
import { FormError } from './FormError';

/** Distinct form versions kept compiled; the least recently used beyond this is dropped. */
const MAX_CACHED_VALIDATORS = 256;
const cache = new Map<string, ValidateFunction>();

export type GetDataValidatorOptions = {
  schema: FormSchema;
};

/**
 * Compiled ajv validator for a form schema, cached by the sha256 of its JSON text.
 * Content-addressed rather than a WeakMap on the definition object: versions re-read from
 * storage per request are new objects (a WeakMap would miss every time), and a mutated object
 * can never be served a stale validator. Bounded LRU, so uploads cannot grow memory unbounded.
 * Throws FormError FORM_INVALID if the schema does not compile (it skipped validateFormDefinition).
 */
export function getDataValidator({ schema }: GetDataValidatorOptions): ValidateFunction {
  const key = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
  const cached = cache.get(key);
  if (cached !== undefined) {
    // Re-insert to mark as most recently used.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const validate = compile(schema);
  cache.set(key, validate);
  const oldest = cache.keys().next();
  // Evict one entry per insert so the cache never exceeds its bound.
  if (cache.size > MAX_CACHED_VALIDATORS && oldest.done !== true) cache.delete(oldest.value);
  return validate;
}

function compile(schema: FormSchema): ValidateFunction {
  try {
    // One ajv instance per schema, so evicting the validator frees its whole instance.
    const validate = createFormAjv().compile(schema);
    // An async validator returns a promise, which would read as "valid": uploads refuse $async.
    if ('$async' in validate)
      throw new Error('received an $async schema; expected a synchronous one');
    return validate;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new FormError('FORM_INVALID', `form schema does not compile: ${message}`, { cause });
  }
}
