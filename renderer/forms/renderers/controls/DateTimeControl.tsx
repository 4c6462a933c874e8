import type { ControlProps } from '@jsonforms/core';
import { useField } from '../../useField';
import { FieldShell } from '../FieldShell';
import { chooseDateInput } from './chooseDateInput';
import { formatDateInputValue } from './formatDateInputValue';
import { parseDateInputValue } from './parseDateInputValue';

/**
 * `format: date`, `time`, `date-time` (or JSON Forms' `options.format`): the browser's own
 * date, time and datetime-local inputs, which bring their accessible pickers and no code.
 * `step=1` keeps seconds that the data has (`13:37:25`).
 */
export function DateTimeControl(props: ControlProps) {
  const field = useField(props);
  if (!props.visible) return null;
  const options = (props.uischema.options ?? {}) as Record<string, unknown>;
  const kind = chooseDateInput({ format: props.schema.format, options });
  return (
    <FieldShell field={field}>
      <input
        {...field.inputProps}
        className="input"
        type={kind}
        step={kind === 'time' || kind === 'datetime-local' ? 1 : undefined}
        value={formatDateInputValue({ kind, data: props.data })}
        readOnly={field.disabled}
        onChange={(e) => field.change(parseDateInputValue({ kind, value: e.target.value }))}
      />
    </FieldShell>
  );
}
