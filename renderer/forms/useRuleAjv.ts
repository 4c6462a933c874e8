import type Ajv from 'ajv';
import { useEffect, useState } from 'react';

/** Made once per page: every later step with rules gets it at once. */
let loaded: Ajv | undefined;

/**
 * An ajv for @jsonforms/core's rule evaluation and oneOf/anyOf pre-selection when the page's
 * CSP keeps ajv from compiling (`needed`): loaded lazily, as the built-in forms need neither.
 * `pending` while it loads; if it cannot be loaded (offline), `ajv` stays undefined and
 * JsonForms uses its own (rules then fail as they would without this).
 */
export function useRuleAjv(needed: boolean): { ajv: Ajv | undefined; pending: boolean } {
  const [ajv, setAjv] = useState<Ajv | undefined>(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!needed || ajv !== undefined) return;
    let live = true;
    import('./renderers/layouts/createRuleAjv')
      .then(({ createRuleAjv }) => {
        loaded ??= createRuleAjv();
        if (live) setAjv(loaded);
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, [needed, ajv]);
  if (!needed) return { ajv: undefined, pending: false };
  return { ajv, pending: ajv === undefined && !failed };
}
