import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';

/** Categorization (tabs, stepper), ListWithDetail, and the oneOf/anyOf/allOf selectors. */
export const extendedLayoutRenderers: JsonFormsRendererRegistryEntry[] = [];
