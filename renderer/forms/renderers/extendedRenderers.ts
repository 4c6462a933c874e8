import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { arrayRenderers } from './arrays/arrayRenderers';
import { extendedControlRenderers } from './controls/extendedControlRenderers';
import { extendedLayoutRenderers } from './layouts/extendedLayoutRenderers';

/**
 * The renderers the built-in forms do not need, loaded as one lazy chunk (useFormRenderers)
 * only when a form asks for them (needsExtendedRenderers), so the registration page stays
 * within its budget. Ranked against the core set in formRenderers.ts, as JSON Forms ranks.
 */
export const extendedRenderers: JsonFormsRendererRegistryEntry[] = [
  ...arrayRenderers,
  ...extendedLayoutRenderers,
  ...extendedControlRenderers,
];
