import {
  and,
  hasType,
  type JsonSchema,
  resolveSchema,
  schemaMatches,
  schemaSubPathMatches,
  type Tester,
  uiTypeIs,
} from '@jsonforms/core';

/**
 * An array of distinct choices: `uniqueItems` with `items` an `enum` or a `oneOf` of
 * `const`s, as JSON Forms' material set tests it (materialEnumArrayRendererTester), also
 * for enums of numbers, which our checkboxes address by index.
 */
export const isMultiEnumControl: Tester = and(
  uiTypeIs('Control'),
  schemaMatches(
    (schema) =>
      hasType(schema, 'array') &&
      !Array.isArray(schema.items) &&
      (schema as { uniqueItems?: unknown }).uniqueItems === true,
  ),
  schemaSubPathMatches('items', (schema, rootSchema) => {
    const items = schema.$ref ? resolveSchema(rootSchema, schema.$ref, rootSchema) : schema;
    if (items === undefined) return false;
    if (Array.isArray(items.enum) && items.enum.length > 0) return true;
    return (
      Array.isArray(items.oneOf) &&
      items.oneOf.length > 0 &&
      items.oneOf.every((entry: JsonSchema) => entry.const !== undefined)
    );
  }),
);
