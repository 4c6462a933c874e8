import type { CombinatorSubSchemaRenderInfo, JsonSchema } from '@jsonforms/core';
import { formatText } from './formatText';

/**
 * The names of a oneOf/anyOf's alternatives: each alternative's `title` (its own, else the
 * one its `$ref` points to, as core's createCombinatorRenderInfos reads them), else
 * "Option N" through the form's texts, where core would show `oneOf-0`.
 */
export function labelAlternatives({
  infos,
  subSchemas,
  texts,
}: {
  infos: readonly CombinatorSubSchemaRenderInfo[];
  subSchemas: readonly JsonSchema[];
  texts: Record<string, string>;
}): string[] {
  return infos.map((info, index) => {
    const title = subSchemas[index]?.title ?? info.schema.title;
    if (typeof title === 'string' && title.trim() !== '') return title;
    return formatText({
      texts,
      key: 'combinator.option',
      fallback: 'Option {n}',
      values: { n: index + 1 },
    });
  });
}
