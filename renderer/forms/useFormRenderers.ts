import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { useEffect, useMemo, useState } from 'react';
import { formRenderers } from './renderers/formRenderers';

type Entries = JsonFormsRendererRegistryEntry[];

/** Loaded once per page: later steps that need the lazy set get it at once. */
let loaded: Entries | undefined;

/**
 * The renderer set for one form: the always-loaded set, or, when the form needs more
 * (`needsExtended`), that set plus the lazily loaded one. `undefined` while the chunk loads.
 * If the chunk cannot be loaded (offline), the form still renders with the core set, whose
 * fallback names each field it cannot show; the server validates the submission either way.
 */
export function useFormRenderers(needsExtended: boolean): Entries | undefined {
  const [extended, setExtended] = useState<Entries | undefined>(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!needsExtended || extended !== undefined) return;
    let live = true;
    import('./renderers/extendedRenderers')
      .then((module) => {
        loaded = module.extendedRenderers;
        if (live) setExtended(loaded);
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, [needsExtended, extended]);
  return useMemo(() => {
    if (!needsExtended || failed) return formRenderers;
    return extended === undefined ? undefined : [...formRenderers, ...extended];
  }, [needsExtended, failed, extended]);
}
