import { Generate, isLayout, type JsonSchema, type UISchemaElement } from '@jsonforms/core';
import { JsonFormsDispatch } from '@jsonforms/react';
import { useMemo } from 'react';

/**
 * The properties a combinator's schema declares beside its `oneOf`/`anyOf` (`{properties,
 * oneOf}`), drawn above the alternatives, as material's CombinatorProperties draws them.
 */
export function CombinatorProperties({
  schema,
  keyword,
  path,
  rootSchema,
  enabled,
}: {
  schema: JsonSchema;
  keyword: 'oneOf' | 'anyOf';
  path: string;
  rootSchema: JsonSchema;
  enabled: boolean;
}) {
  const generated = useMemo(() => {
    const { [keyword]: _alternatives, ...rest } = schema;
    const uischema: UISchemaElement = Generate.uiSchema(
      rest,
      'VerticalLayout',
      undefined,
      rootSchema,
    );
    const drawn = uischema !== null && isLayout(uischema) && uischema.elements.length > 0;
    return drawn ? { schema: rest, uischema } : undefined;
  }, [schema, keyword, rootSchema]);
  if (generated === undefined) return null;
  return (
    <JsonFormsDispatch
      schema={generated.schema}
      uischema={generated.uischema}
      path={path}
      enabled={enabled}
    />
  );
}
