import { listSubschemas } from './listSubschemas';

/** A `$id` that names a document (a URI), as opposed to a plain-name fragment (`#address`). */
const DOCUMENT_ID = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * Drops, in place (callers pass their own detached copy), what names the schema document
 * rather than constrains data: every `$schema` (rejectUnsafeSchemaKeywords let only JSON Schema
 * draft URIs through) and a root `$id` URI. ajv knows only draft-07's URI by default, so JSON
 * Forms' ajv in the browser fails on a draft-04 or 2020-12 one, and the server must give the
 * same answer; without it both validate with the same draft-07 vocabulary, as JSON Forms does
 * for the drafts ajv knows. A root `$id` changes no local reference, but a compiler that
 * registers it would refuse a second compilation of an equal copy of the schema.
 */
export function stripDocumentKeywords({ schema }: { schema: unknown }): void {
  const subschemas = listSubschemas({ schema, path: '' });
  for (const { schema: node } of subschemas) {
    if ('$schema' in node) delete node.$schema;
  }
  const root = subschemas[0]?.schema;
  if (typeof root?.$id === 'string' && DOCUMENT_ID.test(root.$id)) delete root.$id;
}
