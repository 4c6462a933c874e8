import {
  type CombinatorRendererProps,
  createCombinatorRenderInfos,
  findMatchingUISchema,
  type JsonSchema,
} from '@jsonforms/core';
import { JsonFormsDispatch } from '@jsonforms/react';
import { useMemo } from 'react';
import { useField } from '../../useField';

/**
 * allOf: every sub-schema's form together on the same data, as material's
 * MaterialAllOfRenderer maps it (a registered uischema for the whole wins). Inside a
 * fieldset named by the control's label, when it has one.
 */
export function AllOfControl(props: CombinatorRendererProps) {
  const { schema, rootSchema, path, uischema, uischemas, enabled } = props;
  const field = useField(props);
  const parts = useMemo(() => {
    const delegate = findMatchingUISchema(uischemas ?? [])(schema, uischema.scope, path);
    if (delegate) return [{ schema, uischema: delegate }];
    const allOf = (schema.allOf ?? []) as JsonSchema[];
    return createCombinatorRenderInfos(allOf, rootSchema, 'allOf', uischema, path, uischemas);
  }, [schema, rootSchema, path, uischema, uischemas]);
  if (!props.visible) return null;
  const content = parts.map((part, index) => (
    <JsonFormsDispatch
      // biome-ignore lint/suspicious/noArrayIndexKey: sub-schemas are fixed for the step
      key={index}
      schema={part.schema}
      uischema={part.uischema}
      path={path}
      enabled={enabled}
      renderers={props.renderers}
      cells={props.cells}
    />
  ));
  if (!field.label) return <div className="layout layout--vertical">{content}</div>;
  return (
    <fieldset className="group" aria-describedby={field.inputProps['aria-describedby']}>
      <legend className={field.labelHidden ? 'visually-hidden' : undefined}>{field.label}</legend>
      <div className="layout layout--vertical">{content}</div>
      {field.error && (
        <p id={field.ids.error} className="error-text">
          {field.error}
        </p>
      )}
    </fieldset>
  );
}
