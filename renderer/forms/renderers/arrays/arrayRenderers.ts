import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';

/** Arrays of primitives and objects, multi-select enums, nested objects. */
export const arrayRenderers: JsonFormsRendererRegistryEntry[] = [];
