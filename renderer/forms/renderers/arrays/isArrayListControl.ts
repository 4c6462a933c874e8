import { and, hasType, resolveSchema, schemaMatches, type Tester, uiTypeIs } from '@jsonforms/core';

/**
 * An array whose items share one schema: primitives, objects (JSON Forms'
 * isPrimitiveArrayControl / isObjectArrayControl) and the rest (arrays of arrays, of
 * `oneOf`s), each row drawn by whatever renderer fits its items. Tuples (`items` as an
 * array) stay with the fallback, as in JSON Forms.
 */
export const isArrayListControl: Tester = and(
  uiTypeIs('Control'),
  schemaMatches((schema, rootSchema) => {
    if (!hasType(schema, 'array')) return false;
    const items = resolveSchema(schema, 'items', rootSchema);
    return typeof items === 'object' && items !== null && !Array.isArray(items);
  }),
);
