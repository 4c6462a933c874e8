import type { ReactNode } from 'react';
import type { Field } from '../useField';

/**
 * Label, help and error around one input. `inline` puts the label after the input
 * (checkboxes). Every text is a React text node: form texts are never parsed as HTML.
 */
export function FieldShell({
  field,
  inline = false,
  children,
}: {
  field: Field;
  inline?: boolean;
  children: ReactNode;
}) {
  const label = (
    <label htmlFor={field.ids.input} className={field.labelHidden ? 'visually-hidden' : 'label'}>
      {field.label}
      {field.required && (
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </label>
  );
  return (
    <div className={field.error ? 'field field--invalid' : 'field'}>
      {inline ? (
        <div className="field__inline">
          {children}
          {label}
        </div>
      ) : (
        <>
          {label}
          {children}
        </>
      )}
      {field.description && (
        <p id={field.ids.description} className="hint">
          {field.description}
        </p>
      )}
      {field.error && (
        <p id={field.ids.error} className="error-text">
          {field.error}
        </p>
      )}
    </div>
  );
}
