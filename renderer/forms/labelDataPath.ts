import { type JsonSchema, resolveSchema } from '@jsonforms/core';
import { resolveControlTexts } from './resolveControlTexts';

/**
 * The label a control at this data path would have (i18n, schema `title`, or the derived
 * "Birth Date"), for an error no control shows: the user must learn which field it is about.
 */
export function labelDataPath({
  schema,
  texts,
  path,
}: {
  schema: Record<string, unknown>;
  texts: Record<string, string>;
  path: string;
}): string {
  const scope = path
    .split('.')
    .map((s) =>
      /^\d+$/.test(s) ? '/items' : `/properties/${s.replaceAll('~', '~0').replaceAll('/', '~1')}`,
    )
    .join('');
  const root = schema as JsonSchema;
  // A path the schema does not describe (a server error for an unknown field) still gets a name.
  const resolved = (resolveSchema(root, `#${scope}`, root) ?? {}) as Record<string, unknown>;
  return resolveControlTexts({ texts, uischema: {}, schema: resolved, path }).label;
}
