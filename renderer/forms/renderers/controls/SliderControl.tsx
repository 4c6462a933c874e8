import type { ControlProps } from '@jsonforms/core';
import { useField } from '../../useField';
import { FieldShell } from '../FieldShell';

/**
 * `options.slider` on a number or integer with `minimum`, `maximum` and `default` (core's
 * isRangeControl): a range input whose current value is shown beside it and spoken through
 * aria-valuetext. The step is `multipleOf`, else 1, as in JSON Forms' material slider.
 */
export function SliderControl(props: ControlProps) {
  const field = useField(props);
  if (!props.visible) return null;
  const { minimum, maximum, multipleOf } = props.schema;
  // Before JSON Forms applies the default (or with validation off), show what would be sent.
  const value = typeof props.data === 'number' ? props.data : Number(props.schema.default);
  // A slider cannot be required in ARIA terms; the label's asterisk and the error still say it.
  const { 'aria-required': _required, ...inputProps } = field.inputProps;
  return (
    <FieldShell field={field}>
      <div className="slider">
        <input
          {...inputProps}
          className="slider__input"
          type="range"
          min={minimum}
          max={maximum}
          step={multipleOf ?? 1}
          value={value}
          aria-valuetext={String(value)}
          disabled={field.disabled}
          onChange={(e) => field.change(Number(e.target.value), { touch: true })}
        />
        <span className="slider__value" aria-hidden="true">
          {value}
        </span>
      </div>
    </FieldShell>
  );
}
