import type { ControlProps } from '@jsonforms/core';
import { useState } from 'react';
import { parseNumberInput } from '../parseNumberInput';
import { useField } from '../useField';
import { FieldShell } from './FieldShell';

/** Numbers and integers. The typed text is kept locally so "1." or "-" survive typing. */
export function NumberControl(props: ControlProps) {
  const field = useField(props);
  const [text, setText] = useState(() =>
    typeof props.data === 'number' || typeof props.data === 'string' ? String(props.data) : '',
  );
  if (!props.visible) return null;
  const integer = props.schema.type === 'integer';
  return (
    <FieldShell field={field}>
      <input
        {...field.inputProps}
        className="input"
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        value={text}
        readOnly={field.disabled}
        onChange={(e) => {
          setText(e.target.value);
          field.change(parseNumberInput(e.target.value));
        }}
      />
    </FieldShell>
  );
}
