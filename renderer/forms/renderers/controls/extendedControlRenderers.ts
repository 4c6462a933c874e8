import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';

/** Dates and times, radio groups, toggles, sliders and the other option-driven controls. */
export const extendedControlRenderers: JsonFormsRendererRegistryEntry[] = [];
