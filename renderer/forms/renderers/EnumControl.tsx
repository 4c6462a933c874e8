import type { ControlProps, OwnPropsOfEnum } from '@jsonforms/core';
import { useField } from '../useField';
import { FieldShell } from './FieldShell';

/**
 * `enum` and `oneOf`-of-`const` fields: a select. Options are addressed by index, since
 * enum values may be numbers or booleans that an <option value> would turn into text.
 */
export function EnumControl(props: ControlProps & OwnPropsOfEnum) {
  const field = useField(props);
  if (!props.visible) return null;
  const options = props.options ?? [];
  const selected = options.findIndex((option) => Object.is(option.value, props.data));
  return (
    <FieldShell field={field}>
      <select
        {...field.inputProps}
        className="input"
        value={selected === -1 ? '' : String(selected)}
        disabled={field.disabled}
        onChange={(e) => {
          const option = e.target.value === '' ? undefined : options[Number(e.target.value)];
          field.change(option?.value, { touch: true });
        }}
      >
        <option value="">—</option>
        {options.map((option, index) => (
          <option key={String(index)} value={String(index)}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
