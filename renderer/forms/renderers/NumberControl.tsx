import type { ControlProps } from '@jsonforms/core';
import { useState } from 'react';
import { parseNumberInput } from '../parseNumberInput';
import { useField } from '../useField';
import { FieldShell } from './FieldShell';

const asText = (data: unknown) =>
  typeof data === 'number' || typeof data === 'string' ? String(data) : '';

/** Numbers and integers. The typed text is kept locally so "1." or "-" survive typing. */
export function NumberControl(props: ControlProps) {
  const field = useField(props);
  const [text, setText] = useState(() => asText(props.data));
  if (!props.visible) return null;
  const integer = props.schema.type === 'integer';
  // The same property shown elsewhere (a slider) may have changed the data: show that.
  const shown = Object.is(parseNumberInput(text), props.data) ? text : asText(props.data);
  return (
    <FieldShell field={field}>
      <input
        {...field.inputProps}
        className="input"
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        value={shown}
        readOnly={field.disabled}
        onChange={(e) => {
          setText(e.target.value);
          field.change(parseNumberInput(e.target.value));
        }}
      />
    </FieldShell>
  );
}
