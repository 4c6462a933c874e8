/** The draft-07 keywords whose value is one schema (`items` is in the list below). */
export const singleSchemaKeywords: ReadonlySet<string> = new Set([
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
]);
/** Keywords whose value is an array of schemas; `items` also takes one schema. */
export const schemaListKeywords: ReadonlySet<string> = new Set([
  'items',
  'allOf',
  'anyOf',
  'oneOf',
]);
/**
 * Keywords mapping names (data: property names, definition names) to schemas; `dependencies`
 * also maps to property lists.
 */
export const schemaMapKeywords: ReadonlySet<string> = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependencies',
]);
