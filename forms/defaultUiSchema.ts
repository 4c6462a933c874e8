import { appendPointer } from '../core/appendPointer';
import type { FormSchema, UiSchemaElement } from './FormDefinition';

export type CreateDefaultUiSchemaOptions = {
  schema: FormSchema;
};

/** One Control per top-level property, in schema order, stacked vertically. */
export function createDefaultUiSchema({ schema }: CreateDefaultUiSchemaOptions): UiSchemaElement {
  return {
    type: 'VerticalLayout',
    elements: Object.keys(schema.properties ?? {}).map((name) => ({
      type: 'Control' as const,
      scope: appendPointer('#/properties', name),
    })),
  };
}
