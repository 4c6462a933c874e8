import type { LayoutProps } from '@jsonforms/core';
import { JsonFormsDispatch } from '@jsonforms/react';
import type { CategoryEntry } from './listCategories';

/** The selected category's elements, dispatched as a vertical layout's are. */
export function CategoryPanel({ entry, props }: { entry: CategoryEntry; props: LayoutProps }) {
  return (
    <div className="layout layout--vertical">
      {entry.elements.map((child, index) => (
        <JsonFormsDispatch
          // The uischema is fixed for the life of the step, so the position is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: elements carry no ids
          key={index}
          uischema={child}
          schema={props.schema}
          path={props.path}
          enabled={entry.enabled}
          renderers={props.renderers}
          cells={props.cells}
        />
      ))}
    </div>
  );
}
