import type { LabelProps, Layout, LayoutProps } from '@jsonforms/core';
import { JsonFormsDispatch } from '@jsonforms/react';

function LayoutChildren({ uischema, schema, path, enabled, renderers, cells }: LayoutProps) {
  return (uischema as Layout).elements.map((child, index) => (
    <JsonFormsDispatch
      // The uischema is fixed for the life of the step, so the position is a stable key.
      // biome-ignore lint/suspicious/noArrayIndexKey: elements carry no ids
      key={index}
      uischema={child}
      schema={schema}
      path={path}
      enabled={enabled}
      renderers={renderers}
      cells={cells}
    />
  ));
}

export function VerticalLayout(props: LayoutProps) {
  if (!props.visible) return null;
  return (
    <div className="layout layout--vertical">
      <LayoutChildren {...props} />
    </div>
  );
}

export function HorizontalLayout(props: LayoutProps) {
  if (!props.visible) return null;
  return (
    <div className="layout layout--horizontal">
      <LayoutChildren {...props} />
    </div>
  );
}

/** A Group is a fieldset; its legend names the fields inside for screen readers. */
export function GroupLayout(props: LayoutProps) {
  if (!props.visible) return null;
  return (
    <fieldset className="group">
      {props.label && <legend>{props.label}</legend>}
      <div className="layout layout--vertical">
        <LayoutChildren {...props} />
      </div>
    </fieldset>
  );
}

/** A uischema Label: plain text, translated through `<i18n>.text`. */
export function TextLabel({ text, visible }: LabelProps) {
  if (!visible || !text) return null;
  return <p className="form-text">{text}</p>;
}
