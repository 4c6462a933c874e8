/** The JSON Schema drafts' meta-schema URIs, without the optional trailing `#`. */
const DIALECTS: ReadonlySet<string> = new Set([
  'http://json-schema.org/schema',
  'http://json-schema.org/draft-04/schema',
  'http://json-schema.org/draft-06/schema',
  'http://json-schema.org/draft-07/schema',
  'https://json-schema.org/draft/2019-09/schema',
  'https://json-schema.org/draft/2020-12/schema',
]);

/**
 * True for a `$schema` naming one of the JSON Schema drafts (with or without the trailing `#`,
 * over http or https). Keyform, like JSON Forms' ajv in the browser, validates every schema with
 * ajv's draft-07 vocabulary in non-strict mode, whatever draft it names: the URI is accepted
 * and then dropped from the stored version (stripDocumentKeywords), so no side looks it up.
 */
export function isSchemaDialect(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const uri = value.endsWith('#') ? value.slice(0, -1) : value;
  return (
    DIALECTS.has(uri) ||
    DIALECTS.has(uri.replace(/^https?:/, (scheme) => (scheme === 'http:' ? 'https:' : 'http:')))
  );
}
