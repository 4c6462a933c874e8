import { appendPointer } from '../core/appendPointer';
import { isPlainObject } from '../core/isPlainObject';
import { schemaListKeywords, schemaMapKeywords, singleSchemaKeywords } from './schemaKeywords';

export type Subschema = { schema: Record<string, unknown>; path: string };

/**
 * Every object schema in `schema` (itself included) with its JSON pointer, following the
 * draft-07 keywords that hold schemas, so that `{"properties": {"pattern": …}}` is a property
 * named pattern and not a pattern. Iterative: the walk cannot overflow the stack.
 */
export function listSubschemas({
  schema,
  path = '/schema',
}: {
  schema: unknown;
  path?: string;
}): Subschema[] {
  const found: Subschema[] = [];
  const stack: Array<{ node: unknown; at: string }> = [{ node: schema, at: path }];
  while (stack.length > 0) {
    const { node, at } = stack.pop()!;
    // Boolean schemas (and anything malformed, refused elsewhere) hold no keywords.
    if (!isPlainObject(node)) continue;
    found.push({ schema: node, path: at });
    for (const keyword of singleSchemaKeywords) {
      if (keyword in node) stack.push({ node: node[keyword], at: appendPointer(at, keyword) });
    }
    for (const keyword of schemaListKeywords) {
      const value = node[keyword];
      const base = appendPointer(at, keyword);
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) stack.push({ node: v, at: `${base}/${i}` });
      } else if (keyword === 'items' && value !== undefined) stack.push({ node: value, at: base });
    }
    for (const keyword of schemaMapKeywords) {
      const value = node[keyword];
      if (!isPlainObject(value)) continue;
      const base = appendPointer(at, keyword);
      for (const [name, v] of Object.entries(value)) {
        stack.push({ node: v, at: appendPointer(base, name) });
      }
    }
  }
  return found;
}
