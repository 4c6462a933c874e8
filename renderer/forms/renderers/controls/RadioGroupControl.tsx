import type { ControlProps, OwnPropsOfEnum } from '@jsonforms/core';
import { useField } from '../../useField';

/**
 * `options.format: "radio"` on an enum or oneOf-of-const: a fieldset of radios named by its
 * legend, as JSON Forms' radio group renders. Option labels come from core's mappers, so the
 * `<path>.<value>` i18n keys and oneOf `title`s apply. Options are addressed by index, since
 * values may be numbers or booleans.
 */
export function RadioGroupControl(props: ControlProps & OwnPropsOfEnum) {
  const field = useField(props);
  if (!props.visible) return null;
  const { ids } = field;
  // The legend names the group; each radio carries the error state (for focus) and, natively,
  // `required` (aria-required is not allowed on a radio).
  const { id: _id, 'aria-required': _required, ...radioProps } = field.inputProps;
  return (
    <div className={field.error ? 'field field--invalid' : 'field'}>
      <fieldset className="radio-group">
        <legend className={field.labelHidden ? 'visually-hidden' : 'label'}>
          {field.label}
          {field.required && (
            <span className="required" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </legend>
        {(props.options ?? []).map((option, index) => (
          <div className="field__inline" key={String(index)}>
            <input
              {...radioProps}
              className="radio"
              type="radio"
              id={`${ids.input}-${index}`}
              name={ids.input}
              required={field.required}
              checked={Object.is(option.value, props.data)}
              disabled={field.disabled}
              onChange={() => field.change(option.value, { touch: true })}
            />
            <label htmlFor={`${ids.input}-${index}`}>{option.label}</label>
          </div>
        ))}
      </fieldset>
      {field.description && (
        <p id={ids.description} className="hint">
          {field.description}
        </p>
      )}
      {field.error && (
        <p id={ids.error} className="error-text">
          {field.error}
        </p>
      )}
    </div>
  );
}
