import type { ControlProps } from '@jsonforms/core';
import { useField } from '../../useField';
import { FieldShell } from '../FieldShell';

/** `options.toggle` on a boolean: a checkbox announced as a switch (on/off), label after it. */
export function ToggleControl(props: ControlProps) {
  const field = useField(props);
  if (!props.visible) return null;
  const checked = props.data === true;
  return (
    <FieldShell field={field} inline>
      <input
        {...field.inputProps}
        className="checkbox switch"
        type="checkbox"
        role="switch"
        aria-checked={checked}
        checked={checked}
        disabled={field.disabled}
        onChange={(e) => field.change(e.target.checked, { touch: true })}
      />
    </FieldShell>
  );
}
