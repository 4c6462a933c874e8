import type { ControlProps } from '@jsonforms/core';
import { useField } from '../useField';
import { FieldShell } from './FieldShell';

/** Booleans: a checkbox with its label after it. */
export function BooleanControl(props: ControlProps) {
  const field = useField(props);
  if (!props.visible) return null;
  return (
    <FieldShell field={field} inline>
      <input
        {...field.inputProps}
        className="checkbox"
        type="checkbox"
        checked={props.data === true}
        disabled={field.disabled}
        onChange={(e) => field.change(e.target.checked, { touch: true })}
      />
    </FieldShell>
  );
}
