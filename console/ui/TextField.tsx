import { type InputHTMLAttributes, useId } from 'react';

export interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A hint under the label, read with the field (aria-describedby). */
  description?: string;
  /** The error at this field (e.g. the API's details.fields message); marks the field invalid. */
  error?: string;
}

/** A labelled text input with its description and its error next to it. */
export function TextField({
  label,
  value,
  onChange,
  description,
  error,
  id,
  type = 'text',
  ...rest
}: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const descriptionId = description ? `${inputId}-description` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="kc-field">
      <label htmlFor={inputId}>{label}</label>
      {description && (
        <p id={descriptionId} className="kc-field-description">
          {description}
        </p>
      )}
      <input
        {...rest}
        id={inputId}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error && (
        <p id={errorId} className="kc-field-error">
          {error}
        </p>
      )}
    </div>
  );
}
